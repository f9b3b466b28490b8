"""Japanese interview answers full of the words a general speech model gets wrong, with their context.

Twelve answers (Open JTalk, about 80 s together) mention the company (青葉精機),
the position (法人営業), the interviewer (佐々木様), the stage (最終面接), the
user's own words (東都大学, 軽音楽部, 精密センサー) and the common words of
interviews (御社, 貴社, 志望動機, 自己PR, ガクチカ, 逆質問, 内定, 一員, 顧客).
Told nothing, Whisper base writes 本社 for 御社, 死亡動機 for 志望動機, 子客 for
顧客 and ハオバ製機 for 青葉精機 (as users reported of real speech).
:data:`CONTEXT` is what the app knows of such an interview.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from core.transcription.context import Context

ANSWERS = (
    "御社を志望した理由は、青葉精機の製品が多くの顧客に信頼されているからです。",
    "私の志望動機は、御社の一員として法人営業に挑戦したいという思いです。",
    "自己PRをさせていただきます。私の強みは粘り強さです。",
    "ガクチカとしては、軽音楽部で部長を務めた経験をお話しします。",
    "貴社の説明会で、佐々木様のお話を伺い、入社したいと強く感じました。",
    "逆質問として、入社後の研修制度について教えていただけますか。",
    "前職では、顧客管理システムの導入を担当し、問い合わせ対応の時間を三割短縮しました。",
    "他社からも内定をいただいておりますが、第一志望は御社です。",
    "東都大学では、データ分析のゼミに所属し、需要予測のモデルを作りました。",
    "五年後には、御社の法人営業の中核を担う人材になりたいと考えております。",
    "最終面接まで進ませていただき、ありがとうございます。",
    "青葉精機の主力製品である精密センサーの強みを、お客様に分かりやすく伝えたいです。",
)
CONTEXT_WORDS = ("御社", "貴社", "志望動機", "自己PR", "ガクチカ", "逆質問", "内定", "一員", "顧客", "青葉精機",
                 "法人営業", "佐々木", "東都大学", "軽音楽部", "最終面接", "精密センサー")
CONTEXT = Context(company="青葉精機", position="法人営業", stage="final", interviewers="佐々木様（人事部長）",
                  glossary=("東都大学", "軽音楽部", "精密センサー"))
PAUSE_S = 1.2


def context_words(reference: str) -> int:
    """How many context words ``reference`` holds (each occurrence counts)."""
    return sum(reference.count(word) for word in CONTEXT_WORDS)


def words_right(reference: str, hypothesis: str) -> int:
    """Of the context words in ``reference``, how many ``hypothesis`` has (each word at most as often)."""
    return sum(min(reference.count(word), hypothesis.count(word)) for word in CONTEXT_WORDS if word in reference)


def answers_wav(folder: Path) -> tuple[Path, str]:
    """The twelve answers spoken one after another with pauses, as one 48-kHz WAV; and the reference text."""
    import soundfile

    from tests.speech_fixtures import synthesize_japanese

    pieces = []
    rate = 48000
    for index, text in enumerate(ANSWERS):
        samples, rate = soundfile.read(synthesize_japanese(text, folder / f"answer{index:02d}.wav"), dtype="float32")
        pieces += [samples, np.zeros(round(PAUSE_S * rate), dtype=np.float32)]
    target = folder / "answers.wav"
    soundfile.write(target, np.concatenate(pieces), rate, subtype="PCM_16")
    return target, "".join(ANSWERS)
