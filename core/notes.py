"""Notes beside each interview, and the templates that start them.

When recording is declined, notes written right after the interview are the
whole record; the recall template asks the questions memory needs.
"""

from __future__ import annotations

import sqlite3
import threading

from core.interviews import utc_now

RECALL_TEMPLATE = {
    "ja": """# 面接直後の振り返りメモ

※ 記憶が新しいうちに、まず5分で書き出しましょう。整えるのは後からで大丈夫です。

## 聞かれた質問

## 自分の回答（要点）

## 面接官の反応・印象に残った言葉

## うまくいったこと

## 次に改善したいこと

## まだ聞きたいこと・確認したいこと

## 話に出た条件（給与・勤務地・働き方など）
- ※ 口頭の条件は必ず内定後の「労働条件通知書」で書面を確認し、違いがあれば採用担当に問い合わせましょう。

## 次のステップと日付
- お礼メール：当日中（遅くとも翌日の午前中）
- 結果連絡の目安：
""",
    "en": """# Notes right after the interview

Write for five minutes now, while your memory is fresh. Tidy up later.

## Questions they asked

## What I answered (key points)

## Their reactions, words that stuck

## What went well

## What to improve next time

## Questions I still have

## Conditions mentioned (pay, location, ways of working)
- Confirm anything said aloud against the written terms of employment after an offer, and ask the recruiter about any difference.

## Next steps and dates
- Thank-you mail: today (by the next morning at the latest)
- When they said they would reply:
""",
}

DECLINED_HEADER = {
    "ja": "録音はお断りされました（{time}）。メモが唯一の記録になります。\n\n",
    "en": "Recording was declined ({time}). These notes are the only record.\n\n",
}


def recall_template(language: str, declined_at: str | None = None) -> str:
    """The post-interview recall template in ``language`` ("ja" or "en")."""
    language = language if language in RECALL_TEMPLATE else "en"
    header = DECLINED_HEADER[language].format(time=declined_at) if declined_at else ""
    return header + RECALL_TEMPLATE[language]


class NotesStore:
    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock):
        self._conn = conn
        self._lock = lock

    def get(self, interview_id: int) -> str:
        with self._lock:
            row = self._conn.execute("SELECT body FROM notes WHERE interview_id = ?", (interview_id,)).fetchone()
        return row["body"] if row else ""

    def save(self, interview_id: int, body: str) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT INTO notes (interview_id, body, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (interview_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                (interview_id, body, utc_now().isoformat()))

    def start_with_template(self, interview_id: int, language: str, declined_at: str | None = None) -> str:
        """Put the recall template at the top of the notes (keeping what is there); returns the notes."""
        body = self.get(interview_id)
        template = recall_template(language, declined_at)
        if template not in body:
            body = template + ("\n" + body if body else "")
            self.save(interview_id, body)
        return body
