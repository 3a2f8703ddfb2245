"""Cross-lingual, faceted product and supplier search.

Chinese or English (or pinyin) queries find listings written in either language: `analysis`
normalises and segments text and reads a query into terms with their translations (pure, no
database); `index` keeps one `SearchDocument` per published product with the text the engine
matches and the columns filters, facets and sorts read; `backends/` holds the two engines
behind one interface (SQLite FTS5, PostgreSQL tsvector); `selectors` answers searches and
`services` keeps the index in step with the catalog. The dataclasses that cross from here to the
pages and the API are in `query`.
"""
