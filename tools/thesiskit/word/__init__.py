"""Word in and out: ``thesis import FILE.docx`` makes a study; ``thesis build --docx`` a supervisor's copy.

- ``read``: a .docx checked and read through Pandoc (``docx+citations``) into its AST and properties;
- ``transform``: the AST made into the kit's chapters (headings, citations, pictures, quotes);
- ``study``: the chapters, records, bibliography and ``import-rapport.md`` written as a study;
- ``write``: the study's PDF text as ``build/thesis.docx``.
"""
