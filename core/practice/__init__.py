"""Mock-interview practice: the question bank, choosing questions, the session and its review."""
