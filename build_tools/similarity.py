"""Small string measures for Chinese text, where words are not separated by spaces."""
from __future__ import annotations


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def dice(a: str, b: str) -> float:
    """Share of character bigrams two short texts have in common (0 … 1)."""
    x, y = bigrams(a), bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def lcs_pairs(short: str, text: str) -> list[tuple[int, int]]:
    """A longest common subsequence of `short` and `text`, as (index in short, index in text)."""
    rows = len(short) + 1
    table = [[0] * (len(text) + 1) for _ in range(rows)]
    for i in range(1, rows):
        for j in range(1, len(text) + 1):
            if short[i - 1] == text[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    pairs, i, j = [], len(short), len(text)
    while i and j:
        if short[i - 1] == text[j - 1]:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]
