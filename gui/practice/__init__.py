"""The practice window and its pages (mock interviews with a question bank)."""
