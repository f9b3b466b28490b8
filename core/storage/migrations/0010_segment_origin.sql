-- 0010: where a segment came from. When the voices of one microphone are told apart, a segment Whisper
-- recognised is split at each change of speaker; its parts keep the same origin (the recognised segment's
-- position in the transcript) so that telling the voices apart again can join them first. NULL: not split
-- by speakers, or stored before this column existed.
ALTER TABLE segments ADD COLUMN origin INTEGER;
