"""Build tools for the bilingual edition of Chinese policy bulletins.

The pipeline (see `pipeline.py`): read → parse → check conservation → export and
render Markdown → MkDocs → search index.
"""
