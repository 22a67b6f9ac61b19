"""The website: generated pages, citation metadata, and the MkDocs build of the Markdown tree."""
