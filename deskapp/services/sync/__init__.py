"""Branch sync: an offline branch office's SQLite meets the central PostgreSQL (see
DESIGN.md, "Offline branches"). Qt-free."""
