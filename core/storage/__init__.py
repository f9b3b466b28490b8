"""SQLite storage: connection set-up and numbered schema migrations."""
