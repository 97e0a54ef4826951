"""Curation: an article in, drafted entities and facts out, for a curator to review.

`ingest` reads the text and its front matter, `entities` links the names the base knows and
proposes the others, `drafting` types a fact per claim from the lexicons, `phrasing` words each
fact in French and English, `writer` appends them to the YAML files, and `commands` holds the
`add`, `review` and `sentences` commands of the command line.
"""
