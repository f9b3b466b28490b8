"""Local speech-to-text: faster-whisper in a worker process, transcripts in the library, exports."""
