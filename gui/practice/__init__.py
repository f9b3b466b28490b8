"""The practice page of the main window and its pages (mock interviews with a question bank)."""
