"""Menukaart: from validated YAML records to a searchable static site.

The data flow runs one way, one module per step:

    strict_yaml  read a YAML file strictly, keep line numbers
    schema       read the Frictionless Table Schemas (the single source of truth)
    validate     type cells, run frictionless, check integrity; collect Problems
    catalogue    the validated records and the links between them
    richtext     Markdown fields to sanitised HTML
    pages        records to page bodies (HTML, escaped)
    exports      records to the published data package (CSV + JSON)
    search_index run Pagefind over the built site and count what it indexed

Only ``mkdocs_hooks`` and ``main`` know about MkDocs; everything else is plain
Python so the renderer can be swapped without touching the data layer.
"""
