<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AddToBank</name>
    <message>
        <source>Add to question bank…</source>
        <translation>質問バンクに追加…</translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <source>Checking the microphone…</source>
        <translation>マイクを確認しています…</translation>
    </message>
    <message>
        <source>Recording available: {device}</source>
        <translation>録音できます：{device}</translation>
    </message>
    <message>
        <source>Recording unavailable: {reason}</source>
        <translation>録音できません：{reason}</translation>
    </message>
    <message>
        <source>Speech model: checking…</source>
        <translation>音声認識モデル：確認中…</translation>
    </message>
    <message>
        <source>Speech model: preparing ({percent}%)</source>
        <translation>音声認識モデル：準備中（{percent}%）</translation>
    </message>
    <message>
        <source>Speech model: ready</source>
        <translation>音声認識モデル：準備完了</translation>
    </message>
    <message>
        <source>Speech model: unavailable</source>
        <translation>音声認識モデル：使用できません</translation>
    </message>
</context>
<context>
    <name>AttemptsChart</name>
    <message>
        <source>Your attempts at this question</source>
        <translation>この質問へのこれまでの回答</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>回答の回数</translation>
    </message>
</context>
<context>
    <name>Audio</name>
    <message>
        <source>The PortAudio sound library was not found, so recording is disabled. Install the system package libportaudio2 (for example: sudo apt install libportaudio2) and restart Furikaeri. Everything else works without it.</source>
        <translation>音声ライブラリ PortAudio が見つからないため、録音は無効になっています。システムパッケージ libportaudio2 をインストールして（例：sudo apt install libportaudio2）、Furikaeri を再起動してください。録音以外の機能はそのまま使えます。</translation>
    </message>
    <message>
        <source>No microphone or other input device was found. Connect one, or check the system&apos;s sound settings.</source>
        <translation>マイクなどの入力デバイスが見つかりません。接続するか、システムのサウンド設定を確認してください。</translation>
    </message>
    <message>
        <source>The sound system could not list the input devices: {detail}</source>
        <translation>サウンドシステムから入力デバイスの一覧を取得できませんでした：{detail}</translation>
    </message>
    <message>
        <source>The sound module could not be loaded ({detail}), so recording is disabled. Everything else works. Reinstalling Furikaeri may help.</source>
        <translation>音声モジュールを読み込めなかったため（{detail}）、録音は無効になっています。ほかの機能は使えます。Furikaeri を再インストールすると直る場合があります。</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>{path} is inside the library&apos;s folder: choose a place outside {folder}. Nothing was written.</source>
        <translation>{path} はライブラリのフォルダの中です。{folder} の外の場所を選んでください。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>There is no library at {folder} to back up. Nothing was written.</source>
        <translation>{folder} にバックアップするライブラリがありません。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>The library could not be read for the backup ({detail}). Nothing was written.</source>
        <translation>バックアップのためにライブラリを読み込めませんでした（{detail}）。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({detail}). Nothing was restored.</source>
        <translation>{path} を読み込めません（{detail}）。何も復元していません。</translation>
    </message>
    <message>
        <source>The library folder {folder} is not empty: a backup is restored only into an empty library (or with --replace, which keeps the current library aside). Nothing was restored.</source>
        <translation>ライブラリのフォルダ {folder} は空ではありません。バックアップは空のライブラリにだけ復元します（--replace を付けると、今のライブラリを別の場所に残して置き換えます）。何も復元していません。</translation>
    </message>
    <message>
        <source>it holds an unexpected name, “{name}”</source>
        <translation>想定外の名前「{name}」が入っています</translation>
    </message>
    <message>
        <source>it goes on after its manifest</source>
        <translation>マニフェストの後にも続きがあります</translation>
    </message>
    <message>
        <source>it holds something that is not a file, “{name}”</source>
        <translation>ファイルではないもの「{name}」が入っています</translation>
    </message>
    <message>
        <source>its manifest is too large</source>
        <translation>マニフェストが大きすぎます</translation>
    </message>
    <message>
        <source>its manifest is not one</source>
        <translation>マニフェストが正しい形式ではありません</translation>
    </message>
    <message>
        <source>it holds “{name}” twice</source>
        <translation>「{name}」が 2 回入っています</translation>
    </message>
    <message>
        <source>its contents cannot be read: {error}</source>
        <translation>中身を読み込めません：{error}</translation>
    </message>
    <message>
        <source>its manifest is missing</source>
        <translation>マニフェストがありません</translation>
    </message>
    <message>
        <source>its manifest lists no files</source>
        <translation>マニフェストにファイルの一覧がありません</translation>
    </message>
    <message>
        <source>the files do not match its manifest: {names}</source>
        <translation>ファイルがマニフェストと一致しません：{names}</translation>
    </message>
    <message>
        <source>{name} does not match its SHA-256 in the manifest</source>
        <translation>{name} がマニフェストの SHA-256 と一致しません</translation>
    </message>
    <message>
        <source>it holds no database</source>
        <translation>データベースが入っていません</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of Furikaeri. Nothing was restored.</source>
        <translation>このバックアップは新しいバージョンの Furikaeri で作られています。何も復元していません。</translation>
    </message>
    <message>
        <source>The consent records in this backup do not verify ({count} finding(s)), so it was not restored: run main.py doctor on the library it came from.</source>
        <translation>このバックアップの同意記録を検証できなかった（{count} 件の問題）ため、復元しませんでした。元のライブラリで main.py doctor を実行してください。</translation>
    </message>
    <message>
        <source>The backup could not be restored into {folder} ({detail}). Nothing was restored.</source>
        <translation>バックアップを {folder} に復元できませんでした（{detail}）。何も復元していません。</translation>
    </message>
    <message>
        <source>The passphrase is not the one this backup was made with. Nothing was restored.</source>
        <translation>パスフレーズがこのバックアップを作ったときのものと違います。何も復元していません。</translation>
    </message>
    <message>
        <source>The backup is damaged or was changed ({detail}). Nothing was restored.</source>
        <translation>バックアップが壊れているか、変更されています（{detail}）。何も復元していません。</translation>
    </message>
    <message>
        <source>This file is not a Furikaeri backup. Nothing was restored.</source>
        <translation>このファイルは Furikaeri のバックアップではありません。何も復元していません。</translation>
    </message>
    <message>
        <source>This backup is encrypted: a passphrase is needed to restore it. Nothing was restored.</source>
        <translation>このバックアップは暗号化されています。復元にはパスフレーズが必要です。何も復元していません。</translation>
    </message>
    <message>
        <source>it ends too early</source>
        <translation>途中で終わっています</translation>
    </message>
    <message>
        <source>its key parameters are impossible</source>
        <translation>鍵のパラメーターがありえない値です</translation>
    </message>
    <message>
        <source>chunk {chunk} has an impossible header</source>
        <translation>チャンク {chunk} のヘッダーがありえない値です</translation>
    </message>
    <message>
        <source>chunk {chunk} does not match its seal</source>
        <translation>チャンク {chunk} が封印と一致しません</translation>
    </message>
    <message>
        <source>its checksum does not match</source>
        <translation>チェックサムが一致しません</translation>
    </message>
    <message>
        <source>there are bytes after its end</source>
        <translation>終わりの後ろに余分なデータがあります</translation>
    </message>
</context>
<context>
    <name>BackupAction</name>
    <message>
        <source>&amp;Back up…</source>
        <translation>バックアップ(&amp;B)…</translation>
    </message>
    <message>
        <source>The whole library, recordings and settings in one encrypted file</source>
        <translation>ライブラリ全体・録音・設定を暗号化した 1 つのファイルに</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>復元(&amp;R)…</translation>
    </message>
    <message>
        <source>Replace this library with a backup (this one is kept aside)</source>
        <translation>このライブラリをバックアップで置き換える（今のものは別の場所に残します）</translation>
    </message>
    <message>
        <source>Back up the library</source>
        <translation>ライブラリのバックアップ</translation>
    </message>
    <message>
        <source>Furikaeri backup (*{suffix})</source>
        <translation>Furikaeri のバックアップ (*{suffix})</translation>
    </message>
    <message>
        <source>Backing up… {percent}%</source>
        <translation>バックアップ中… {percent}%</translation>
    </message>
    <message>
        <source>Backed up {files} file(s), {size} MB, to {path}</source>
        <translation>{files} 個のファイル（{size} MB）を {path} にバックアップしました</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>バックアップの復元</translation>
    </message>
    <message>
        <source>A recording is running: stop it before restoring a backup.</source>
        <translation>録音中です。バックアップを復元する前に録音を止めてください。</translation>
    </message>
    <message>
        <source>Furikaeri backup (*{suffix});;All files (*)</source>
        <translation>Furikaeri のバックアップ (*{suffix});;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>The library shown now will be replaced by the backup. It is not deleted: it is moved to a folder beside it. Every file and consent record of the backup is checked first. Furikaeri closes when done; open it again to see the restored library. Restore?</source>
        <translation>今表示しているライブラリをバックアップで置き換えます。今のライブラリは削除せず、隣のフォルダに移します。先にバックアップのすべてのファイルと同意記録を確認します。終わると Furikaeri は閉じるので、もう一度開くと復元したライブラリが表示されます。復元しますか？</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>バックアップを確認して復元しています…</translation>
    </message>
    <message>
        <source>Restoring a backup</source>
        <translation>バックアップを復元中</translation>
    </message>
    <message>
        <source>Restored {interviews} interview(s) and {recordings} recording(s) ({size} MB); every file and consent record was checked. The previous library is in {aside}. Furikaeri closes now: open it again to see the restored library.</source>
        <translation>面接 {interviews} 件と録音 {recordings} 件（{size} MB）を復元しました。すべてのファイルと同意記録を確認済みです。以前のライブラリは {aside} にあります。Furikaeri を閉じます。もう一度開くと復元したライブラリが表示されます。</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>Furikaeri: interview practice and review. Without a command, the desktop app opens.</source>
        <translation>Furikaeri：面接の練習と振り返り。コマンドを指定しないとデスクトップアプリが開きます。</translation>
    </message>
    <message>
        <source>check Python, Qt, speech models, audio devices and the library</source>
        <translation>Python・Qt・音声認識モデル・オーディオデバイス・ライブラリを確認します</translation>
    </message>
    <message>
        <source>Something needed is missing: see the lines marked FAIL.</source>
        <translation>必要なものが不足しています。FAIL と表示された行を確認してください。</translation>
    </message>
    <message>
        <source>Everything needed is in place.</source>
        <translation>必要なものはすべて揃っています。</translation>
    </message>
    <message>
        <source>list, download, remove, measure or prepare the speech models</source>
        <translation>音声認識モデルの一覧・ダウンロード・削除・速度測定・準備</translation>
    </message>
    <message>
        <source>show the installed and downloadable models: size, languages, accuracy, speed here</source>
        <translation>インストール済みとダウンロードできるモデルを表示（サイズ、言語、精度、このコンピューターでの速度）</translation>
    </message>
    <message>
        <source>check every file&apos;s checksum (slower)</source>
        <translation>すべてのファイルのチェックサムを検証します（時間がかかります）</translation>
    </message>
    <message>
        <source>download a bigger model from the Hugging Face hub (the only time Furikaeri goes online)</source>
        <translation>より大きなモデルを Hugging Face ハブからダウンロード（Furikaeri がネットワークに接続するのはこのときだけです）</translation>
    </message>
    <message>
        <source>delete a downloaded model</source>
        <translation>ダウンロードしたモデルを削除</translation>
    </message>
    <message>
        <source>measure how fast a model transcribes on this computer (a short built-in clip)</source>
        <translation>このコンピューターでのモデルの文字起こし速度を測定（内蔵の短い音声を使用）</translation>
    </message>
    <message>
        <source>a model name (default: the one chosen in Settings)</source>
        <translation>モデル名（省略時は設定で選んだモデル）</translation>
    </message>
    <message>
        <source>assemble a model from its installed packages (no download)</source>
        <translation>インストール済みのパッケージからモデルを組み立てます（ダウンロードはしません）</translation>
    </message>
    <message>
        <source>a model name or a folder holding a model</source>
        <translation>モデル名、またはモデルの入ったフォルダー</translation>
    </message>
    <message>
        <source>{megabytes} MB downloaded, continues</source>
        <translation>{megabytes} MB ダウンロード済み、続きから再開</translation>
    </message>
    <message>
        <source>Accuracy: the share of characters recognised wrongly in real Japanese speech, as published.</source>
        <translation>精度：実際の日本語音声で誤って認識された文字の割合（公表値）。</translation>
    </message>
    <message>
        <source>Installed: {path}. Choose “{name}” in Settings, or use --model {name}.</source>
        <translation>インストールしました：{path}。設定で「{name}」を選ぶか、--model {name} を指定してください。</translation>
    </message>
    <message>
        <source>Removed “{name}” ({megabytes} MB freed).</source>
        <translation>「{name}」を削除しました（{megabytes} MB 解放）。</translation>
    </message>
    <message>
        <source>{name}: {minutes} minutes of work per hour of audio on this computer ({device}, {compute_type}).</source>
        <translation>{name}：このコンピューターでは音声1時間あたり{minutes}分（{device}、{compute_type}）。</translation>
    </message>
    <message>
        <source>Ready: {path}</source>
        <translation>準備完了：{path}</translation>
    </message>
    <message>
        <source>record an interview (needs the interviewer&apos;s permission) or a mock answer</source>
        <translation>面接を録音します（面接官の許可が必要）。模擬面接の回答も録音できます</translation>
    </message>
    <message>
        <source>permission (one of these is required)</source>
        <translation>許可（いずれかが必要）</translation>
    </message>
    <message>
        <source>mock practice alone: your own consent</source>
        <translation>ひとりでの模擬面接：自分自身の同意</translation>
    </message>
    <message>
        <source>who agreed to the recording (a name or a role)</source>
        <translation>録音に同意した人（名前または役職）</translation>
    </message>
    <message>
        <source>how they agreed</source>
        <translation>同意の方法</translation>
    </message>
    <message>
        <source>the words you used to ask (default: Furikaeri&apos;s polite request)</source>
        <translation>お願いに使った言葉（省略時は Furikaeri の丁寧な依頼文）</translation>
    </message>
    <message>
        <source>an interview already in the library</source>
        <translation>ライブラリに登録済みの面接</translation>
    </message>
    <message>
        <source>create a new interview with this company</source>
        <translation>この会社名で新しい面接を作成します</translation>
    </message>
    <message>
        <source>stop after this many seconds (default: Ctrl-C)</source>
        <translation>指定した秒数で停止します（省略時は Ctrl-C まで）</translation>
    </message>
    <message>
        <source>input device index or name</source>
        <translation>入力デバイスの番号または名前</translation>
    </message>
    <message>
        <source>also record what the computer plays (an online interview&apos;s call) on a second track</source>
        <translation>パソコンが再生している音（オンライン面接の通話）も別トラックに録音する</translation>
    </message>
    <message>
        <source>the sound source of the call (default: what the default output plays; main.py doctor lists them)</source>
        <translation>通話の音声の入力元（既定：既定の出力で再生している音。一覧は main.py doctor で確認できます）</translation>
    </message>
    <message>
        <source>also copy the finished WAV file here</source>
        <translation>完成した WAV ファイルをここにもコピーします</translation>
    </message>
    <message>
        <source>transcribe while recording, and write the transcript beside the recording</source>
        <translation>録音しながら文字起こしし、文字起こしを録音ファイルの隣に保存する</translation>
    </message>
    <message>
        <source>the language spoken (for --transcribe; default: auto)</source>
        <translation>話される言語（--transcribe 用。既定値: auto）</translation>
    </message>
    <message>
        <source>Mock practice</source>
        <translation>模擬面接</translation>
    </message>
    <message>
        <source>Only the microphone is recorded: no source of the computer&apos;s sound was found (main.py doctor says what is needed).</source>
        <translation>マイクだけを録音します。パソコンの音の入力元が見つかりませんでした（必要なものは main.py doctor で確認できます）。</translation>
    </message>
    <message>
        <source>Not recording: say how permission was given, either --mock for practice alone, or --who and --how for the interviewer&apos;s permission.</source>
        <translation>録音しません。許可の内容を指定してください。ひとりで練習する場合は --mock、面接官の許可を得た場合は --who と --how を指定します。</translation>
    </message>
    <message>
        <source>Name the interview: --interview ID or --company NAME.</source>
        <translation>面接を指定してください：--interview ID または --company 会社名</translation>
    </message>
    <message>
        <source>Recording… (Ctrl-C to stop)</source>
        <translation>録音中…（Ctrl-C で停止）</translation>
    </message>
    <message>
        <source>Saved {path} ({seconds:.1f} s)</source>
        <translation>保存しました：{path}（{seconds:.1f} 秒）</translation>
    </message>
    <message>
        <source>The call&apos;s sound: {path}</source>
        <translation>通話の音声：{path}</translation>
    </message>
    <message>
        <source>Copied to {path}</source>
        <translation>コピーしました：{path}</translation>
    </message>
    <message>
        <source>export a transcript as text, subtitles (SRT, WebVTT), Markdown or JSON</source>
        <translation>文字起こしをテキスト・字幕（SRT、WebVTT）・Markdown・JSON で書き出す</translation>
    </message>
    <message>
        <source>the transcript&apos;s number in the library</source>
        <translation>ライブラリ内の文字起こしの番号</translation>
    </message>
    <message>
        <source>the file format (default: from the extension of the -o file)</source>
        <translation>ファイル形式（省略時は -o のファイルの拡張子から判断）</translation>
    </message>
    <message>
        <source>write to this file, readable only by you, instead of printing</source>
        <translation>画面に表示せず、このファイルに書き出す（本人だけが読める権限で作成）</translation>
    </message>
    <message>
        <source>txt: start each line with its time, [mm:ss]</source>
        <translation>txt：各行の先頭に時刻 [mm:ss] を付ける</translation>
    </message>
    <message>
        <source>leave out the first line saying that the content is private</source>
        <translation>内容が非公開である旨の先頭行を省く</translation>
    </message>
    <message>
        <source>language of that line and of Markdown headings (default: the app&apos;s language)</source>
        <translation>その行と Markdown の見出しの言語（省略時はアプリの言語）</translation>
    </message>
    <message>
        <source>Choose a format with --format: txt, srt, vtt, md or json.</source>
        <translation>--format で形式を指定してください：txt、srt、vtt、md、json のいずれか。</translation>
    </message>
    <message>
        <source>There is no transcript {id} in the library.</source>
        <translation>ライブラリに文字起こし {id} はありません。</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>{path} に書き出しました</translation>
    </message>
    <message>
        <source>SRT files have no place for the privacy line: keep this file to yourself.</source>
        <translation>SRT 形式には非公開の注意書きを入れられません。このファイルは自分だけで保管してください。</translation>
    </message>
    <message>
        <source>transcribe an audio file (WAV, FLAC, MP3, M4A, Ogg, WebM) on this computer</source>
        <translation>音声ファイル（WAV、FLAC、MP3、M4A、Ogg、WebM）をこのパソコン上で文字起こしします</translation>
    </message>
    <message>
        <source>speech metrics of one practice answer: length, pace, fillers, pauses</source>
        <translation>練習した回答の話し方の指標（長さ・速さ・フィラー・間）を表示します</translation>
    </message>
    <message>
        <source>the audio file</source>
        <translation>音声ファイル</translation>
    </message>
    <message>
        <source>the answer&apos;s target length in seconds, e.g. 60 for a self-introduction</source>
        <translation>回答の目標の長さ（秒）。例：自己紹介なら 60</translation>
    </message>
    <message>
        <source>speech model name or folder (default: the one chosen in the app, normally base)</source>
        <translation>音声認識モデルの名前またはフォルダー（省略時はアプリで選んだもの。通常は base）</translation>
    </message>
    <message>
        <source>print the metrics as JSON</source>
        <translation>指標を JSON で出力します</translation>
    </message>
    <message>
        <source>Use --language ja or --language en if the detection was wrong.</source>
        <translation>言語の判定が誤っている場合は、--language ja または --language en を指定してください。</translation>
    </message>
    <message>
        <source>the language spoken (default: detect it)</source>
        <translation>話されている言語（省略時は自動判定）</translation>
    </message>
    <message>
        <source>“{text}”: give a number of speakers from 1 to 9, or auto.</source>
        <translation>「{text}」：話者の人数を 1〜9 の数字か auto で指定してください。</translation>
    </message>
    <message>
        <source>one microphone, several voices: tell them apart (N speakers, or &quot;auto&quot; to estimate)</source>
        <translation>1 本のマイクに複数の声：話者を分ける（N 人、または auto で人数を推定）</translation>
    </message>
    <message>
        <source>names and terms to hear right, separated by commas (the company, people&apos;s names...); your own words from Settings are always added</source>
        <translation>正しく聞き取ってほしい名前や用語をカンマ区切りで指定（会社名、人名など）。設定の「自分の用語」は常に加わります</translation>
    </message>
    <message>
        <source>output format (default: from the output file&apos;s extension, else txt)</source>
        <translation>出力形式（省略時は出力ファイルの拡張子から判断。なければ txt）</translation>
    </message>
    <message>
        <source>write the transcript to this file instead of standard output</source>
        <translation>文字起こしを標準出力ではなくこのファイルに書き出します</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>保存しました：{path}</translation>
    </message>
    <message>
        <source>Keep this transcript private: it contains other people&apos;s words (SRT files carry no notice).</source>
        <translation>この文字起こしは非公開で保管してください。他の人の発言が含まれています（SRT ファイルには注意書きが入りません）。</translation>
    </message>
    <message>
        <source>export interviews and open follow-ups as an iCalendar (.ics) file</source>
        <translation>面接と未完了のフォローアップを iCalendar（.ics）ファイルに書き出す</translation>
    </message>
    <message>
        <source>write to this file instead of printing</source>
        <translation>画面に表示する代わりにこのファイルへ書き出す</translation>
    </message>
    <message>
        <source>only from this day on (YYYY-MM-DD)</source>
        <translation>この日以降のみ（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>only up to this day, included (YYYY-MM-DD)</source>
        <translation>この日まで（当日を含む、YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>write follow-ups as short events, for calendars that ignore to-dos</source>
        <translation>フォローアップを短い予定として書き出す（ToDo を読み込まないカレンダー向け）</translation>
    </message>
    <message>
        <source>Dates are written YYYY-MM-DD, e.g. 2026-12-01.</source>
        <translation>日付は YYYY-MM-DD の形式で指定してください（例：2026-12-01）。</translation>
    </message>
    <message>
        <source>--to must not be before --from.</source>
        <translation>--to には --from 以降の日付を指定してください。</translation>
    </message>
    <message>
        <source>Wrote {path} (interviews: {events}, follow-ups: {tasks})</source>
        <translation>{path} に書き出しました（面接 {events} 件、フォローアップ {tasks} 件）</translation>
    </message>
    <message>
        <source>search interviews, notes and transcripts (Japanese or English)</source>
        <translation>面接・メモ・書き起こしを検索します（日本語・英語）</translation>
    </message>
    <message>
        <source>words to find, all in the same place; &quot;quotes&quot; keep a phrase together</source>
        <translation>探す言葉（すべて同じ箇所に含まれるものを探します）。&quot;引用符&quot; で囲むと語句をひとまとまりで探します</translation>
    </message>
    <message>
        <source>print the hits as JSON</source>
        <translation>検索結果を JSON で出力します</translation>
    </message>
    <message>
        <source>only real interviews or only mock practice</source>
        <translation>本番の面接のみ、または模擬面接のみに絞り込みます</translation>
    </message>
    <message>
        <source>only interviews whose company name contains NAME</source>
        <translation>会社名に NAME を含む面接のみに絞り込みます</translation>
    </message>
    <message>
        <source>only interviews on or after this day</source>
        <translation>この日以降の面接のみに絞り込みます</translation>
    </message>
    <message>
        <source>only interviews on or before this day</source>
        <translation>この日以前の面接のみに絞り込みます</translation>
    </message>
    <message>
        <source>only interviews with this status</source>
        <translation>この状況の面接のみに絞り込みます</translation>
    </message>
    <message>
        <source>show at most N hits (default 50)</source>
        <translation>最大 N 件まで表示します（既定は 50 件）</translation>
    </message>
    <message>
        <source>“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2026-12-03.</source>
        <translation>「{text}」は日付として読み取れません。2026-12-03 のように YYYY-MM-DD の形式で入力してください。</translation>
    </message>
    <message>
        <source>Give a word or phrase to search for.</source>
        <translation>検索する言葉を入力してください。</translation>
    </message>
    <message>
        <source>--limit must be 1 or more.</source>
        <translation>--limit には 1 以上の数を指定してください。</translation>
    </message>
    <message>
        <source>The --from day ({start}) is after the --to day ({end}).</source>
        <translation>--from の日付（{start}）が --to の日付（{end}）より後になっています。</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>「{query}」は見つかりませんでした。</translation>
    </message>
    <message>
        <source>The first {count} hits; --limit shows more.</source>
        <translation>最初の {count} 件を表示しました。--limit を指定するとさらに表示できます。</translation>
    </message>
    <message>
        <source>date not fixed</source>
        <translation>日時未定</translation>
    </message>
    <message>
        <source>transcript at {time}</source>
        <translation>書き起こし {time}</translation>
    </message>
    <message>
        <source>notes, line {line}</source>
        <translation>メモ {line} 行目</translation>
    </message>
    <message>
        <source>company and position</source>
        <translation>会社名・職種</translation>
    </message>
    <message>
        <source>Transcript: {text}</source>
        <translation>文字起こし：{text}</translation>
    </message>
    <message>
        <source>Speech metrics ({language})</source>
        <translation>話し方の指標（{language}）</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目安</translation>
    </message>
    <message>
        <source>Fillers: {list}</source>
        <translation>フィラー：{list}</translation>
    </message>
    <message>
        <source>Pauses longer than 2.5 s: {list}</source>
        <translation>2.5 秒を超える間：{list}</translation>
    </message>
    <message>
        <source>Timing comes from the transcript&apos;s word times: the audio could not be read for finer timing.</source>
        <translation>音声を読み取れなかったため、時間は文字起こしの単語の時刻から求めています。</translation>
    </message>
    <message>
        <source>Questions they asked, and your answers ({language})</source>
        <translation>面接官の質問とあなたの回答（{language}）</translation>
    </message>
    <message>
        <source>Talk time: you {me} ({me_share}), the interviewer {them} ({them_share})</source>
        <translation>話した時間：あなた {me}（{me_share}）、面接官 {them}（{them_share}）</translation>
    </message>
    <message>
        <source>No questions were found in the interviewer&apos;s words.</source>
        <translation>面接官の発言から質問は見つかりませんでした。</translation>
    </message>
    <message>
        <source>This question is in the question bank.</source>
        <translation>この質問は質問バンクにあります。</translation>
    </message>
    <message>
        <source>You did not answer before the next question.</source>
        <translation>次の質問までに回答はありませんでした。</translation>
    </message>
    <message>
        <source>Your answer: {start}–{end}, target length {target} s</source>
        <translation>あなたの回答：{start}–{end}、目標の長さ {target} 秒</translation>
    </message>
    <message>
        <source>Only your own words are measured. Timing comes from the transcript&apos;s word times, because the microphone may also hear the interviewer.</source>
        <translation>測定するのはあなた自身の発言だけです。マイクに面接官の声も入ることがあるため、タイミングは文字起こしの単語の時刻から求めています。</translation>
    </message>
    <message>
        <source>What the numbers mean:</source>
        <translation>各指標の意味：</translation>
    </message>
    <message>
        <source>the practice question bank and your attempts over time</source>
        <translation>練習用の質問バンクと、これまでの回答の推移</translation>
    </message>
    <message>
        <source>list the question bank</source>
        <translation>質問バンクを一覧表示します</translation>
    </message>
    <message>
        <source>add a question of your own</source>
        <translation>自分の質問を追加します</translation>
    </message>
    <message>
        <source>the question&apos;s language (default: guessed from the text)</source>
        <translation>質問の言語（省略時は文面から判断します）</translation>
    </message>
    <message>
        <source>target answer length in seconds</source>
        <translation>回答の目標の長さ（秒）</translation>
    </message>
    <message>
        <source>your attempts at one question: length, pace, fillers per minute</source>
        <translation>1つの質問へのこれまでの回答（長さ、話す速さ、1分あたりのフィラー）</translation>
    </message>
    <message>
        <source>the question&apos;s key, as listed by questions</source>
        <translation>questions で表示される質問のキー</translation>
    </message>
    <message>
        <source>Added {key}</source>
        <translation>追加しました：{key}</translation>
    </message>
    <message>
        <source>No question {key} in the bank.</source>
        <translation>質問バンクに {key} という質問はありません。</translation>
    </message>
    <message>
        <source>No attempts at this question yet.</source>
        <translation>この質問にはまだ回答していません。</translation>
    </message>
    <message>
        <source>when              length  pace  fillers/min</source>
        <translation>日時              長さ(秒)  速さ  フィラー/分</translation>
    </message>
    <message>
        <source>Recordings are kept. main.py doctor repeats this check.</source>
        <translation>録音はそのまま残っています。main.py doctor でも同じ確認ができます。</translation>
    </message>
    <message>
        <source>“{value}” cannot be an id: use a whole number from 1 to {max}.</source>
        <translation>「{value}」は番号として使えません。1 から {max} までの整数を指定してください。</translation>
    </message>
    <message>
        <source>your own voice profile, to recognise your voice in real interviews (stays on this computer)</source>
        <translation>本番の面接で自分の声を見分けるための、自分の声のプロフィール（このコンピューターの外には出ません）</translation>
    </message>
    <message>
        <source>make it from your practice recordings made alone</source>
        <translation>ひとりで録った練習の録音から作る</translation>
    </message>
    <message>
        <source>say whether there is one</source>
        <translation>あるかどうかを表示する</translation>
    </message>
    <message>
        <source>delete it</source>
        <translation>削除する</translation>
    </message>
    <message>
        <source>Your voice profile was made from {seconds} s of your speech in {count} practice recordings. It stays on this computer; `voice-profile delete` removes it.</source>
        <translation>練習の録音 {count} 件、{seconds} 秒分のあなたの声から声のプロフィールを作りました。このコンピューターの外には出ません。`voice-profile delete` で削除できます。</translation>
    </message>
    <message>
        <source>There is no voice profile.</source>
        <translation>声のプロフィールはありません。</translation>
    </message>
    <message>
        <source>Voice profile of {date}, from {seconds} s of your speech in {count} practice recordings.</source>
        <translation>{date} に作成した声のプロフィール（練習の録音 {count} 件、{seconds} 秒分のあなたの声から）。</translation>
    </message>
    <message>
        <source>Your voice profile was deleted.</source>
        <translation>声のプロフィールを削除しました。</translation>
    </message>
    <message>
        <source>tell the voices of a recorded interview apart again, without transcribing it again</source>
        <translation>録音した面接の声を、文字起こしをやり直さずに聞き分け直す</translation>
    </message>
    <message>
        <source>the transcript&apos;s number in the library (its recording&apos;s newest)</source>
        <translation>ライブラリ内の文字起こしの番号（その録音の最新のもの）</translation>
    </message>
    <message>
        <source>how many voices (1 to 9), or &quot;auto&quot; to estimate (the default)</source>
        <translation>声の数（1〜9）。推定する場合は &quot;auto&quot;（既定）</translation>
    </message>
    <message>
        <source>There is no transcript {id} of a recording in the library.</source>
        <translation>ライブラリに、録音の文字起こし {id} はありません。</translation>
    </message>
    <message>
        <source>Transcript {id} is not its recording&apos;s newest: use transcript {newest}.</source>
        <translation>文字起こし {id} はその録音の最新のものではありません。文字起こし {newest} を指定してください。</translation>
    </message>
    <message>
        <source>Cancelled: the transcript is unchanged.</source>
        <translation>キャンセルしました。文字起こしは変更されていません。</translation>
    </message>
    <message>
        <source>{count} voices told apart: saved as transcript {id} (main.py export {id} writes it).</source>
        <translation>{count} 人の声を聞き分け、文字起こし {id} として保存しました（main.py export {id} で書き出せます）。</translation>
    </message>
    <message>
        <source>Finishing the transcript…</source>
        <translation>文字起こしを仕上げています…</translation>
    </message>
    <message>
        <source>The transcript could not be made: {error}</source>
        <translation>文字起こしを作成できませんでした: {error}</translation>
    </message>
    <message>
        <source>The recording is kept; transcribe it again with “main.py transcribe {path}”.</source>
        <translation>録音は保存されています。「main.py transcribe {path}」でもう一度文字起こしできます。</translation>
    </message>
    <message>
        <source>Transcript: {path}</source>
        <translation>文字起こし: {path}</translation>
    </message>
    <message>
        <source>write a one-page report of a recording&apos;s permission to record (Markdown or HTML)</source>
        <translation>録音の許可について 1 ページの報告書を書き出す（Markdown または HTML）</translation>
    </message>
    <message>
        <source>the recording&apos;s number in the library</source>
        <translation>ライブラリ内の録音の番号</translation>
    </message>
    <message>
        <source>the file to write, readable only by you</source>
        <translation>書き出すファイル（本人だけが読める権限で作成）</translation>
    </message>
    <message>
        <source>md or html (default: from the extension of the -o file)</source>
        <translation>md または html（省略時は -o のファイルの拡張子から判断）</translation>
    </message>
    <message>
        <source>the report&apos;s language (default: the app&apos;s language)</source>
        <translation>報告書の言語（省略時はアプリの言語）</translation>
    </message>
    <message>
        <source>Choose a format with --format: md or html.</source>
        <translation>--format で形式を指定してください：md または html。</translation>
    </message>
    <message>
        <source>There is no recording {id} in the library.</source>
        <translation>ライブラリに録音 {id} はありません。</translation>
    </message>
    <message>
        <source>Consent report written to {path}</source>
        <translation>録音同意の報告書を {path} に書き出しました</translation>
    </message>
    <message>
        <source>delete a recording or an interview for real, or the recordings of an interview whose permission was withdrawn</source>
        <translation>録音や面接を完全に削除する。面接官が録音の許可を取り消したときは、その面接の録音をすべて削除する</translation>
    </message>
    <message>
        <source>the recording&apos;s number: its audio, files, transcripts and search entries go</source>
        <translation>録音の番号：音声、関連ファイル、書き起こし、検索用の情報を削除します</translation>
    </message>
    <message>
        <source>the interview&apos;s number: it goes with everything that belongs to it</source>
        <translation>面接の番号：面接とそれに属するものをすべて削除します</translation>
    </message>
    <message>
        <source>with --interview: the interviewer withdrew permission; all its recordings and transcripts go, your notes stay, and the withdrawal is recorded with the consent records</source>
        <translation>--interview と併用：面接官が許可を取り消した場合。録音と書き起こしをすべて削除し、メモは残します。取り消しは同意記録に記録されます</translation>
    </message>
    <message>
        <source>with --withdrawn: the notes and their earlier versions go too</source>
        <translation>--withdrawn と併用：メモとその以前の版も削除します</translation>
    </message>
    <message>
        <source>delete without asking</source>
        <translation>確認せずに削除する</translation>
    </message>
    <message>
        <source>--withdrawn goes with --interview: permission is given per interview.</source>
        <translation>--withdrawn は --interview と一緒に指定してください（許可は面接ごとに得るものです）。</translation>
    </message>
    <message>
        <source>--with-notes goes with --withdrawn (deleting an interview takes its notes anyway).</source>
        <translation>--with-notes は --withdrawn と一緒に指定してください（面接を削除するとメモも削除されます）。</translation>
    </message>
    <message>
        <source>Delete this for good? [y/N] </source>
        <translation>完全に削除しますか？ [y/N] </translation>
    </message>
    <message>
        <source>This will be deleted for good:</source>
        <translation>次のものを完全に削除します：</translation>
    </message>
    <message>
        <source>Nothing was deleted: there is no terminal to ask for confirmation on. Add --yes to delete without asking.</source>
        <translation>確認を求める端末がないため、何も削除しませんでした。確認なしで削除するには --yes を付けてください。</translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>何も削除しませんでした。</translation>
    </message>
    <message>
        <source>Another program has the library open, so its log will be emptied when that program closes it.</source>
        <translation>別のプログラムがライブラリを開いているため、ログはそのプログラムが閉じたときに空になります。</translation>
    </message>
    <message>
        <source>Deleted recording no. {id}.</source>
        <translation>録音 {id} を削除しました。</translation>
    </message>
    <message>
        <source>Deleted {count} recording(s) of interview no. {id}; the withdrawal is recorded with its consent records.</source>
        <translation>面接 {id} の録音 {count} 件を削除しました。許可の取り消しは同意記録に記録しました。</translation>
    </message>
    <message>
        <source>Deleted interview no. {id} with everything that belonged to it.</source>
        <translation>面接 {id} とそれに属するものをすべて削除しました。</translation>
    </message>
    <message>
        <source>back up the whole library (database, recordings, settings) into one encrypted file</source>
        <translation>ライブラリ全体（データベース・録音・設定）を暗号化した 1 つのファイルにバックアップする</translation>
    </message>
    <message>
        <source>the archive to write, readable only by you</source>
        <translation>書き出すアーカイブ（自分だけが読めます）</translation>
    </message>
    <message>
        <source>read the passphrase from the first line of this file instead of asking</source>
        <translation>パスフレーズを尋ねる代わりに、このファイルの 1 行目から読む</translation>
    </message>
    <message>
        <source>do NOT encrypt: anyone who gets the file can read your interviews and hear your recordings</source>
        <translation>暗号化しない：ファイルを手に入れた人は誰でも面接の記録を読み、録音を聞けます</translation>
    </message>
    <message>
        <source>restore a backup into an empty library, checking every file and consent record</source>
        <translation>バックアップを空のライブラリに復元する（すべてのファイルと同意記録を確認）</translation>
    </message>
    <message>
        <source>the backup to restore</source>
        <translation>復元するバックアップ</translation>
    </message>
    <message>
        <source>replace a library that is not empty; it is kept aside in a dated folder, not deleted</source>
        <translation>空でないライブラリを置き換える（今のライブラリは削除せず、日付付きのフォルダに残します）</translation>
    </message>
    <message>
        <source>The passphrase file {path} cannot be read ({detail}).</source>
        <translation>パスフレーズのファイル {path} を読み込めません（{detail}）。</translation>
    </message>
    <message>
        <source>The passphrase file {path} is empty.</source>
        <translation>パスフレーズのファイル {path} は空です。</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>パスフレーズ: </translation>
    </message>
    <message>
        <source>An empty passphrase protects nothing. Nothing was written.</source>
        <translation>空のパスフレーズでは何も守れません。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>The same passphrase again: </source>
        <translation>もう一度同じパスフレーズ: </translation>
    </message>
    <message>
        <source>The two passphrases do not match. Nothing was written.</source>
        <translation>2 つのパスフレーズが一致しません。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>Backed up {files} file(s), {size} MB, to {path}</source>
        <translation>{files} 個のファイル（{size} MB）を {path} にバックアップしました</translation>
    </message>
    <message>
        <source>This backup is not encrypted: anyone who gets the file can read it. Keep it somewhere safe.</source>
        <translation>このバックアップは暗号化されていません。ファイルを手に入れた人は誰でも読めます。安全な場所に保管してください。</translation>
    </message>
    <message>
        <source>Restored {interviews} interview(s) and {recordings} recording(s): {files} file(s), {size} MB, every file and consent record checked.</source>
        <translation>面接 {interviews} 件と録音 {recordings} 件を復元しました：ファイル {files} 個、{size} MB。すべてのファイルと同意記録を確認済みです。</translation>
    </message>
    <message>
        <source>The library it replaced was moved to {path}; delete that folder when you no longer need it.</source>
        <translation>置き換えたライブラリは {path} に移しました。不要になったらそのフォルダを削除してください。</translation>
    </message>
    <message>
        <source>move the library to another folder (with Furikaeri closed); the old one is removed once the new one is verified</source>
        <translation>ライブラリを別のフォルダーへ移動する(Furikaeri を閉じた状態で)。新しい場所の検証が済んでから古いフォルダーを削除する</translation>
    </message>
    <message>
        <source>an empty or new folder, given as a full path</source>
        <translation>空のフォルダーまたは新しいフォルダー(フルパスで指定)</translation>
    </message>
    <message>
        <source>Moving the library from {source} to {target}…</source>
        <translation>ライブラリを {source} から {target} へ移動しています…</translation>
    </message>
    <message>
        <source>Moved and verified: {files} file(s), {mb} MB. Furikaeri now uses {target}.</source>
        <translation>移動と検証が完了しました:{files} 個のファイル、{mb} MB。今後 Furikaeri は {target} を使います。</translation>
    </message>
    <message>
        <source>The old folder {source} could not be removed entirely: remove what is left yourself.</source>
        <translation>古いフォルダー {source} を完全には削除できませんでした。残ったものはご自身で削除してください。</translation>
    </message>
    <message>
        <source>what your retention settings delete and when; delete what is due</source>
        <translation>保存期間の設定で何がいつ削除されるかを表示し、期限の来たものを削除する</translation>
    </message>
    <message>
        <source>only say what goes when: nothing is announced or deleted</source>
        <translation>何がいつ削除されるかを表示するだけ(お知らせの記録も削除もしない)</translation>
    </message>
    <message>
        <source>never delete this recording automatically</source>
        <translation>この録音を自動では削除しない</translation>
    </message>
    <message>
        <source>let the retention settings delete this recording again</source>
        <translation>この録音にも保存期間の設定を再び適用する</translation>
    </message>
    <message>
        <source>The audio of practice recording no. {id} ({started}): deleted on {date}; its transcript and metrics stay</source>
        <translation>練習の録音 No. {id}({started})の音声:{date} に削除(文字起こしと指標は残ります)</translation>
    </message>
    <message>
        <source>Recording no. {id} of {company} ({started}): deleted on {date}</source>
        <translation>{company} の録音 No. {id}({started}):{date} に削除</translation>
    </message>
    <message>
        <source>Recording {id} does not exist.</source>
        <translation>録音 {id} は存在しません。</translation>
    </message>
    <message>
        <source>Recording no. {id} is kept: never deleted automatically.</source>
        <translation>録音 No. {id} を保存対象にしました。自動では削除されません。</translation>
    </message>
    <message>
        <source>Recording no. {id} is no longer kept: your retention settings apply to it.</source>
        <translation>録音 No. {id} の保存指定を外しました。保存期間の設定が適用されます。</translation>
    </message>
    <message>
        <source>Retention is off: nothing is deleted automatically (Settings → Your data).</source>
        <translation>保存期間の設定はオフです。自動では何も削除されません(設定 → データの保存)。</translation>
    </message>
    <message>
        <source>Would be deleted now:</source>
        <translation>今実行すると削除されるもの:</translation>
    </message>
    <message>
        <source>Deleted now:</source>
        <translation>今回削除したもの:</translation>
    </message>
    <message>
        <source>Coming (announced: keep one with --keep ID):</source>
        <translation>削除予定(お知らせ済み。残すには --keep ID):</translation>
    </message>
    <message>
        <source>Later (announced seven days before):</source>
        <translation>その後の予定(7日前にお知らせします):</translation>
    </message>
    <message>
        <source>Nothing is due for deletion under your retention settings.</source>
        <translation>保存期間の設定で削除予定のものはありません。</translation>
    </message>
    <message>
        <source>Recording no. {id} was not deleted: {reason}</source>
        <translation>録音 No. {id} は削除されませんでした:{reason}</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>Through an agent: {agent}</source>
        <translation>エージェント経由：{agent}</translation>
    </message>
    <message>
        <source>Position: {value}</source>
        <translation>職種：{value}</translation>
    </message>
    <message>
        <source>Stage: {value}</source>
        <translation>選考段階：{value}</translation>
    </message>
    <message>
        <source>Interviewers: {value}</source>
        <translation>面接官：{value}</translation>
    </message>
    <message>
        <source>Recruiter: {value}</source>
        <translation>採用担当：{value}</translation>
    </message>
    <message>
        <source>Online: {value}</source>
        <translation>オンライン：{value}</translation>
    </message>
    <message>
        <source>Interview: {company} ({stage})</source>
        <translation>面接：{company}（{stage}）</translation>
    </message>
    <message>
        <source>Interview: {company}</source>
        <translation>面接：{company}</translation>
    </message>
    <message>
        <source>Interview with {company} in one hour</source>
        <translation>1時間後に{company}の面接があります</translation>
    </message>
</context>
<context>
    <name>CalendarExport</name>
    <message>
        <source>Export to &amp;calendar…</source>
        <translation>カレンダーに書き出す(&amp;C)…</translation>
    </message>
    <message>
        <source>Interviews and open follow-ups as a file your calendar app imports (.ics)</source>
        <translation>面接と未完了のフォローアップを、カレンダーアプリに取り込めるファイル（.ics）として書き出します</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>カレンダーに書き出す</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar ファイル (*.ics)</translation>
    </message>
    <message>
        <source>{interviews} interview(s) and {tasks} follow-up(s) written to {path}</source>
        <translation>面接 {interviews} 件とフォローアップ {tasks} 件を {path} に書き出しました</translation>
    </message>
</context>
<context>
    <name>CallAudio</name>
    <message>
        <source>The call&apos;s sound cannot be recorded: the PulseAudio client library is missing ({detail}). Install libpulse0.</source>
        <translation>通話の音声を録音できません。PulseAudio のクライアントライブラリがありません（{detail}）。libpulse0 をインストールしてください。</translation>
    </message>
    <message>
        <source>The call&apos;s sound source {source} could not be opened: {detail}.</source>
        <translation>通話の音声の入力元 {source} を開けませんでした：{detail}。</translation>
    </message>
    <message>
        <source>The call&apos;s sound is no longer being recorded.</source>
        <translation>通話の音声はもう録音されていません。</translation>
    </message>
    <message>
        <source>The call&apos;s sound stopped reaching Furikaeri: {detail}.</source>
        <translation>通話の音声が Furikaeri に届かなくなりました：{detail}。</translation>
    </message>
    <message>
        <source>The call&apos;s sound stopped reaching Furikaeri: its source {source} went away.</source>
        <translation>通話の音声が Furikaeri に届かなくなりました：音声の取り込み元 {source} がなくなりました。</translation>
    </message>
    <message>
        <source>Only the microphone is being recorded: the call&apos;s sound ({source}) could not be recorded. {reason}</source>
        <translation>マイクだけを録音しています。通話の音声（{source}）を録音できませんでした。{reason}</translation>
    </message>
    <message>
        <source>The call&apos;s sound stopped being recorded; the microphone went on. {reason}</source>
        <translation>通話の音声の録音が止まりました。マイクの録音は続けました。{reason}</translation>
    </message>
    <message>
        <source>To record the call&apos;s sound on macOS, install a loopback device such as BlackHole (free) and let the call play through a multi-output device that includes it.</source>
        <translation>macOS で通話の音声を録音するには、BlackHole（無料）などのループバックデバイスをインストールし、それを含む複数出力装置から通話の音声を再生してください。</translation>
    </message>
    <message>
        <source>No loopback of the speakers was found: enable &quot;Stereo Mix&quot; in the Windows sound settings, or install VB-CABLE and let the call play through it.</source>
        <translation>スピーカーのループバックが見つかりません。Windows のサウンド設定で「ステレオ ミキサー」を有効にするか、VB-CABLE をインストールして通話の音声をそこから再生してください。</translation>
    </message>
    <message>
        <source>No source of the computer&apos;s sound was found: recording the call&apos;s sound needs a PulseAudio or PipeWire sound server and pactl (pulseaudio-utils).</source>
        <translation>パソコンの音声の入力元が見つかりません。通話の音声を録音するには、PulseAudio または PipeWire のサウンドサーバーと pactl（pulseaudio-utils）が必要です。</translation>
    </message>
    <message>
        <source>The call&apos;s sound is not reaching Furikaeri: the microphone hears speech, but the call has been silent for {seconds} s. Check that the meeting app plays through the output being recorded ({source}).</source>
        <translation>通話の音声が Furikaeri に届いていません。マイクには声が入っていますが、通話は {seconds} 秒間無音です。会議アプリの音声が、録音している出力（{source}）から再生されているか確認してください。</translation>
    </message>
</context>
<context>
    <name>CallAudioRow</name>
    <message>
        <source>Also record the call&apos;s sound</source>
        <translation>通話の音声も録音する</translation>
    </message>
    <message>
        <source>For an online interview (or a mock interview with a friend on a call): what the computer plays goes on a second track, with the same permission.</source>
        <translation>オンライン面接（または友人に面接官役を頼んだ通話での模擬面接）向けです。パソコンで再生される音声を、同じ許可のもとで別のトラックに録音します。</translation>
    </message>
    <message>
        <source>Looking for the computer&apos;s sound…</source>
        <translation>パソコンの音声の入力元を探しています…</translation>
    </message>
    <message>
        <source>From: {source}</source>
        <translation>録音元: {source}</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}秒</translation>
    </message>
    <message>
        <source>asked at {company}</source>
        <translation>{company}の面接で質問</translation>
    </message>
    <message>
        <source>{count} ticked questions to draw from</source>
        <translation>チェックした{count}問から出題します</translation>
    </message>
    <message>
        <source>{count} ticked questions will be asked in this order</source>
        <translation>チェックした{count}問をこの順に出題します</translation>
    </message>
    <message>
        <source>{count} questions to draw from</source>
        <translation>この中から出題します（{count}問）</translation>
    </message>
    <message>
        <source>{count} questions will be asked in this order</source>
        <translation>この順に{count}問を出題します</translation>
    </message>
    <message>
        <source>Practise answering interview questions out loud</source>
        <translation>面接の質問に声に出して答える練習をしましょう</translation>
    </message>
    <message>
        <source>Questions in</source>
        <translation>質問の言語</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>カテゴリで選ぶ</translation>
    </message>
    <message>
        <source>At random, this many:</source>
        <translation>ランダムに出題（問題数）：</translation>
    </message>
    <message>
        <source>A saved list</source>
        <translation>保存したリスト</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>すべてのタグ</translation>
    </message>
    <message>
        <source>Add question…</source>
        <translation>質問を追加…</translation>
    </message>
    <message>
        <source>Edit or tag…</source>
        <translation>編集・タグ付け…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Save as list…</source>
        <translation>リストとして保存…</translation>
    </message>
    <message>
        <source>Start practice</source>
        <translation>練習を始める</translation>
    </message>
    <message>
        <source>Time limit per answer</source>
        <translation>1問あたりの制限時間</translation>
    </message>
    <message>
        <source>the target length</source>
        <translation>目安の長さ</translation>
    </message>
    <message>
        <source>1.5 × the target</source>
        <translation>目安の1.5倍</translation>
    </message>
    <message>
        <source>2 × the target</source>
        <translation>目安の2倍</translation>
    </message>
    <message>
        <source>none (Next only)</source>
        <translation>なし（「次の質問へ」で進む）</translation>
    </message>
    <message>
        <source>When the limit passes, the next question comes by itself.</source>
        <translation>制限時間を過ぎると、自動的に次の質問に進みます。</translation>
    </message>
    <message>
        <source>No category ticked: all categories</source>
        <translation>カテゴリを選ばない場合は、すべてのカテゴリから出題します</translation>
    </message>
    <message>
        <source>How many questions at random</source>
        <translation>ランダムに出す質問の数</translation>
    </message>
    <message>
        <source>Saved list</source>
        <translation>保存したリスト</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Tick questions to practise only those</source>
        <translation>チェックした質問だけを練習します</translation>
    </message>
    <message>
        <source>Delete question</source>
        <translation>質問の削除</translation>
    </message>
    <message>
        <source>Delete this question from your bank? Past answers to it are kept.</source>
        <translation>この質問を質問バンクから削除しますか？これまでの回答は残ります。</translation>
    </message>
    <message>
        <source>Save as list</source>
        <translation>リストとして保存</translation>
    </message>
    <message>
        <source>Name of the list</source>
        <translation>リストの名前</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>Please say who gave or refused permission (a name or a role).</source>
        <translation>許可した（または断った）人を入力してください（名前または役職）。</translation>
    </message>
    <message>
        <source>In a real interview, permission comes from the interviewer, not from yourself.</source>
        <translation>本番の面接では、許可は自分ではなく面接官から得るものです。</translation>
    </message>
    <message>
        <source>The consent record could not be read ({detail}); recording was not started.</source>
        <translation>同意の記録を読み込めなかったため（{detail}）、録音を開始しませんでした。</translation>
    </message>
    <message>
        <source>No saved consent record was found, so recording was not started.</source>
        <translation>保存された同意の記録が見つからないため、録音を開始しませんでした。</translation>
    </message>
    <message>
        <source>The consent record was changed after it was saved, so recording was not started.</source>
        <translation>同意の記録が保存後に変更されているため、録音を開始しませんでした。</translation>
    </message>
    <message>
        <source>The time permission was asked ({asked}) is in the future. Check the date and this computer&apos;s clock; nothing was saved.</source>
        <translation>許可をお願いした日時（{asked}）が未来になっています。日付とこのコンピューターの時計を確認してください。何も保存していません。</translation>
    </message>
    <message>
        <source>Permission to record was declined, so Furikaeri will not record. Take notes instead.</source>
        <translation>録音の許可が得られなかったため、Furikaeri は録音しません。代わりにメモを取りましょう。</translation>
    </message>
    <message>
        <source>This consent record belongs to an imported file; it does not allow a new recording.</source>
        <translation>この同意の記録は取り込んだファイル用のもので、新しい録音には使えません。</translation>
    </message>
    <message>
        <source>This permission is dated in the future ({asked}), so it cannot be used. Check this computer&apos;s clock and ask again.</source>
        <translation>この許可は未来の日時（{asked}）になっているため使えません。このコンピューターの時計を確認し、改めて許可をお願いしてください。</translation>
    </message>
    <message>
        <source>Permission was given more than {hours} hours ago. Ask again before recording.</source>
        <translation>許可を得てから {hours} 時間以上たっています。録音の前にもう一度確認してください。</translation>
    </message>
    <message>
        <source>This permission belongs to another library, so recording was not started.</source>
        <translation>この許可は別のライブラリのものなので、録音を開始しませんでした。</translation>
    </message>
    <message>
        <source>This permission was not issued by the library&apos;s consent records, so recording was not started.</source>
        <translation>この許可はライブラリの同意の記録から発行されたものではないため、録音を開始しませんでした。</translation>
    </message>
    <message>
        <source>Recording needs a saved consent record first: confirm that everyone agreed.</source>
        <translation>録音するには、先に同意の記録を保存する必要があります。全員が同意したことを確認してください。</translation>
    </message>
    <message>
        <source>Interview {id} no longer exists.</source>
        <translation>面接 {id} はすでに存在しません。</translation>
    </message>
    <message>
        <source>This is a real interview: recording needs the interviewer&apos;s permission, not self-consent.</source>
        <translation>これは本番の面接です。録音には自分の同意ではなく、面接官の許可が必要です。</translation>
    </message>
    <message>
        <source>Consent record {id} was changed after it was saved.</source>
        <translation>同意の記録 {id} は保存後に変更されています。</translation>
    </message>
    <message>
        <source>Consent record {id} does not follow the record before it: a record was removed or reordered.</source>
        <translation>同意の記録 {id} が直前の記録とつながっていません。記録が削除されたか、順序が入れ替えられています。</translation>
    </message>
    <message>
        <source>who answered</source>
        <translation>回答した人</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>how</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>asked at</source>
        <translation>お願いした日時</translation>
    </message>
    <message>
        <source>request wording</source>
        <translation>お願いの文言</translation>
    </message>
    <message>
        <source>note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>面接</translation>
    </message>
    <message>
        <source>saved at</source>
        <translation>保存日時</translation>
    </message>
    <message>
        <source>link to the record before</source>
        <translation>直前の記録とのつながり</translation>
    </message>
    <message>
        <source>{records} record(s) in {chains} chain(s) unchanged; {recordings} recording(s) checked</source>
        <translation>{chains} 件のチェーンにある {records} 件の記録はすべて変更なし。録音 {recordings} 件を確認済み</translation>
    </message>
    <message>
        <source>Consent records were changed or deleted outside Furikaeri ({count} finding(s)):</source>
        <translation>同意の記録が Furikaeri の外で変更または削除されています（{count} 件）：</translation>
    </message>
    <message>
        <source>recording no. {recording} deleted {asked}</source>
        <translation>録音 {recording} を削除（{asked}）</translation>
    </message>
    <message>
        <source>permission withdrawn {asked}</source>
        <translation>許可の取り消し（{asked}）</translation>
    </message>
    <message>
        <source>{who} declined, asked {asked}</source>
        <translation>{asked} にお願いし、{who}が辞退</translation>
    </message>
    <message>
        <source>{who} agreed, asked {asked}</source>
        <translation>{asked} にお願いし、{who}が同意</translation>
    </message>
    <message>
        <source>{field}: “{before}” → “{after}”</source>
        <translation>{field}：“{before}” → “{after}”</translation>
    </message>
    <message>
        <source>the deleted interview no. {id}</source>
        <translation>削除済みの面接（No. {id}）</translation>
    </message>
    <message>
        <source>the interview with {company} (no. {id})</source>
        <translation>{company}の面接（No. {id}）</translation>
    </message>
    <message>
        <source>Consent record {id} of {interview} was deleted from the database ({record}); it was the last of its chain.</source>
        <translation>{interview}の同意の記録 {id}（{record}）がデータベースから削除されています。チェーンの最後の記録でした。</translation>
    </message>
    <message>
        <source>Consent record {id} of {interview} was deleted from the database ({record}).</source>
        <translation>{interview}の同意の記録 {id}（{record}）がデータベースから削除されています。</translation>
    </message>
    <message>
        <source>Recording {recording} of {interview} was made under consent record {id} ({record}), which was deleted from the database.</source>
        <translation>{interview}の録音 {recording} は同意の記録 {id}（{record}）に基づいて録音されましたが、その記録はデータベースから削除されています。</translation>
    </message>
    <message>
        <source>Consent record {id}, under which recording {recording} of {interview} was made, was changed: {changes} (hash kept with the recording {expected}, now {found}).</source>
        <translation>{interview}の録音 {recording} の根拠である同意の記録 {id} が変更されています：{changes}（録音と一緒に保管したハッシュ {expected}、現在 {found}）。</translation>
    </message>
    <message>
        <source>When recording {recording} of {interview} was saved, the interview had {count} consent record(s), the last with hash {expected}; the database now has {found} and not that one: consent records were deleted.</source>
        <translation>{interview}の録音 {recording} を保存した時点で、この面接には同意の記録が {count} 件あり、最後の記録のハッシュは {expected} でした。現在データベースには {found} 件しかなく、その記録もありません。同意の記録が削除されています。</translation>
    </message>
    <message>
        <source>Recording {recording} of {interview} was made under consent record {id}, which was deleted from the database.</source>
        <translation>{interview}の録音 {recording} は同意の記録 {id} に基づいて録音されましたが、その記録はデータベースから削除されています。</translation>
    </message>
    <message>
        <source>Recording {recording} of {interview} was made under consent record {id} with hash {expected}; the database now holds hash {found}.</source>
        <translation>{interview}の録音 {recording} はハッシュ {expected} の同意の記録 {id} に基づいて録音されましたが、データベースの記録のハッシュは現在 {found} です。</translation>
    </message>
    <message>
        <source>The protection that keeps consent records from being changed or deleted had been removed from the database ({names}), so it was edited outside Furikaeri. The protection has been restored.</source>
        <translation>同意の記録の変更・削除を防ぐ保護がデータベースから外されていました（{names}）。Furikaeri の外でデータベースが編集されています。保護は元に戻しました。</translation>
    </message>
    <message>
        <source>The copy of the consent records kept beside the database ({path}) could not be read ({detail}); it was set aside as {backup} and made again from the database.</source>
        <translation>データベースの隣に保管している同意の記録の控え（{path}）を読み込めませんでした（{detail}）。{backup} として退避し、データベースから作り直しました。</translation>
    </message>
    <message>
        <source>All {count} consent record(s) of {interview} were deleted from the database.</source>
        <translation>{interview}の同意の記録 {count} 件がすべてデータベースから削除されています。</translation>
    </message>
    <message>
        <source>Consent record {id} of {interview} was changed after it was saved: {changes} (hash when saved {expected}, now {found}).</source>
        <translation>{interview}の同意の記録 {id} は保存後に変更されています：{changes}（保存時のハッシュ {expected}、現在 {found}）。</translation>
    </message>
    <message>
        <source>Consent record {id} of {interview} was changed after it was saved: its contents no longer match its hash (saved {expected}, now {found}).</source>
        <translation>{interview}の同意の記録 {id} は保存後に変更されています。内容がハッシュと一致しません（保存時 {expected}、現在 {found}）。</translation>
    </message>
    <message>
        <source>Consent record {id} of {interview} does not follow the record before it: a record was removed or reordered.</source>
        <translation>{interview}の同意の記録 {id} が直前の記録とつながっていません。記録が削除されたか、順序が入れ替えられています。</translation>
    </message>
    <message>
        <source>no field differs, only the hash</source>
        <translation>項目の違いはなく、ハッシュだけが異なります</translation>
    </message>
    <message>
        <source>This recording&apos;s consent record is not in the library, so it was not added.</source>
        <translation>この録音の同意の記録がライブラリにないため、録音を追加しませんでした。</translation>
    </message>
</context>
<context>
    <name>ConsentAlert</name>
    <message>
        <source>The consent records could not be checked.</source>
        <translation>同意の記録を確認できませんでした。</translation>
    </message>
    <message>
        <source>…and {count} more: see Details.</source>
        <translation>…ほか {count} 件：「詳細」をご覧ください。</translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation>同意の記録</translation>
    </message>
    <message>
        <source>Recordings are kept. What the records said when they were saved is kept beside the database and with each recording, so the change stays visible.</source>
        <translation>録音はそのまま残っています。保存時の記録の内容はデータベースの隣と各録音に控えてあるため、変更は確認できる状態のままです。</translation>
    </message>
    <message>
        <source>Consent record problems</source>
        <translation>同意の記録の問題</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>詳細(&amp;D)…</translation>
    </message>
    <message>
        <source>Details of the consent record problems</source>
        <translation>同意の記録の問題の詳細</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Hide the consent record warning</source>
        <translation>同意の記録の警告を閉じる</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Ask permission to record</source>
        <translation>録音の許可をお願いする</translation>
    </message>
    <message>
        <source>Before recording, ask the interviewer at {company} for permission. You can read this aloud:</source>
        <translation>録音の前に、{company} の面接官に許可をお願いしましょう。次の文をそのまま読み上げても構いません。</translation>
    </message>
    <message>
        <source>Who answered</source>
        <translation>回答した人</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Consent clip</source>
        <translation>同意の録音</translation>
    </message>
    <message>
        <source>A name or a role, e.g. Ms Tanaka, HR</source>
        <translation>名前または役職（例：人事部 田中様）</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Restate the request at the start of the recording, as evidence</source>
        <translation>録音の最初にもう一度お願いし、同意を記録として残す</translation>
    </message>
    <message>
        <source>The request to read aloud</source>
        <translation>読み上げる依頼文</translation>
    </message>
    <message>
        <source>They agreed: start recording</source>
        <translation>同意を得た：録音を開始</translation>
    </message>
    <message>
        <source>They declined: take notes</source>
        <translation>断られた：メモを取る</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Recording without permission can cost you the offer. If they decline, respect it: notes written right after the interview are enough to review it.</source>
        <translation>無断の録音が知られると、内定を失うおそれがあります。断られたら尊重しましょう。面接直後にメモを書けば、十分に振り返りができます。</translation>
    </message>
    <message>
        <source>Asked before for this interview: {who} agreed ({when}). Ask again for this recording.</source>
        <translation>この面接では以前にも確認しています：{who}が承諾（{when}）。今回の録音についても改めて確認してください。</translation>
    </message>
    <message>
        <source>Asked before for this interview: {who} declined ({when}). Ask again only if the situation has changed.</source>
        <translation>この面接では以前にも確認しています：{who}が辞退（{when}）。状況が変わった場合にだけ、改めて確認してください。</translation>
    </message>
</context>
<context>
    <name>ConsentReport</name>
    <message>
        <source>There is no recording {id} in the library.</source>
        <translation>ライブラリに録音 {id} はありません。</translation>
    </message>
    <message>
        <source>The consent record this recording was made under (no. {id}) is no longer in the library.</source>
        <translation>この録音の根拠となった同意の記録（No. {id}）は、もうライブラリにありません。</translation>
    </message>
    <message>
        <source>This recording was imported from a file recorded elsewhere. When it was imported, the user stated that nobody gave permission to record.</source>
        <translation>この録音は、別の場所で録音されたファイルを取り込んだものです。取り込みの際、利用者は録音の許可を誰からも得ていないと申告しました。</translation>
    </message>
    <message>
        <source>This recording was imported from a file recorded elsewhere. When it was imported, the user stated that it is their own practice, with only their own voice.</source>
        <translation>この録音は、別の場所で録音されたファイルを取り込んだものです。取り込みの際、利用者は自分の声だけの自分自身の練習であると申告しました。</translation>
    </message>
    <message>
        <source>This recording was imported from a file recorded elsewhere. The permission below was stated by the user when importing it; Furikaeri did not ask for it at the time.</source>
        <translation>この録音は、別の場所で録音されたファイルを取り込んだものです。下記の許可は取り込みの際に利用者が申告したもので、録音の時点で Furikaeri が確認したものではありません。</translation>
    </message>
    <message>
        <source>Permission to record was declined.</source>
        <translation>録音の許可は得られませんでした（断られました）。</translation>
    </message>
    <message>
        <source>This is the user&apos;s own practice: a mock interview with only their own voice, recorded with their own consent.</source>
        <translation>これは利用者自身の練習です。本人の声だけの模擬面接を、本人の同意のもとで録音しました。</translation>
    </message>
    <message>
        <source>Permission to record was asked before recording started, and given.</source>
        <translation>録音を始める前に録音の許可を求め、許可を得ました。</translation>
    </message>
    <message>
        <source>Mock practice</source>
        <translation>模擬面接</translation>
    </message>
    <message>
        <source>Real interview</source>
        <translation>本番の面接</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>職種</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>The user (themselves)</source>
        <translation>利用者本人</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Who answered</source>
        <translation>回答した人</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>確認した日時</translation>
    </message>
    <message>
        <source>Wording used to ask</source>
        <translation>確認に使った言葉</translation>
    </message>
    <message>
        <source>(not written down)</source>
        <translation>（記録なし）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Consent record</source>
        <translation>同意の記録</translation>
    </message>
    <message>
        <source>no. {id}, hash {hash}</source>
        <translation>No. {id}、ハッシュ {hash}</translation>
    </message>
    <message>
        <source>The first {span} of the recording (0:00 to {span}): the request restated on the recording and the answer. It is kept inside the audio file itself, not as a separate file.</source>
        <translation>録音の最初の {span}（0:00〜{span}）：録音上で改めて伝えたお願いと、その回答です。別のファイルではなく、音声ファイルそのものの中に残っています。</translation>
    </message>
    <message>
        <source>None: the request was not restated on the recording.</source>
        <translation>なし：録音上でお願いを改めて伝えてはいません。</translation>
    </message>
    <message>
        <source>Consent clip</source>
        <translation>同意の録音</translation>
    </message>
    <message>
        <source>The file is missing, so it could not be hashed.</source>
        <translation>ファイルが見つからないため、ハッシュを計算できませんでした。</translation>
    </message>
    <message>
        <source>The file could not be read, so it could not be hashed.</source>
        <translation>ファイルを読み取れなかったため、ハッシュを計算できませんでした。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>取り込み元</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>録音日時</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>{bytes} bytes</source>
        <translation>{bytes} バイト</translation>
    </message>
    <message>
        <source>Verified: the {count} consent record(s) of this interview are unchanged since they were saved, none is missing, and this recording&apos;s record matches the one it was made under.</source>
        <translation>検証済み：この面接の同意の記録 {count} 件は保存されたときから変更されておらず、欠けているものもありません。この録音の同意の記録も、録音したときのものと一致しています。</translation>
    </message>
    <message>
        <source>Broken: the consent records of this interview were changed or deleted outside Furikaeri.</source>
        <translation>破損：この面接の同意の記録が Furikaeri の外で変更または削除されています。</translation>
    </message>
    <message>
        <source>Generated by Furikaeri {version} on {when}.</source>
        <translation>Furikaeri {version} により {when} に作成。</translation>
    </message>
    <message>
        <source>Consent report</source>
        <translation>録音同意の報告書</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>面接</translation>
    </message>
    <message>
        <source>Permission to record</source>
        <translation>録音の許可</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>録音</translation>
    </message>
    <message>
        <source>Consent chain check</source>
        <translation>同意の記録の検証</translation>
    </message>
</context>
<context>
    <name>ConsentReportExport</name>
    <message>
        <source>Consent report…</source>
        <translation>同意の報告書…</translation>
    </message>
    <message>
        <source>A one-page report of the permission this recording was made under (Markdown or HTML)</source>
        <translation>この録音の根拠となった録音の許可を 1 ページにまとめた報告書（Markdown または HTML）</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Web ページ (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Save consent report</source>
        <translation>同意の報告書を保存</translation>
    </message>
    <message>
        <source>Consent report written to {path}</source>
        <translation>同意の報告書を {path} に書き出しました</translation>
    </message>
    <message>
        <source>Consent report</source>
        <translation>同意の報告書</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The library at {path} was written by a newer version of Furikaeri (schema {found}; this version knows up to {supported}). It was not changed. Please update Furikaeri to open it.</source>
        <translation>{path} のライブラリは新しいバージョンの Furikaeri で作成されています（スキーマ {found}、このバージョンの対応は {supported} まで）。ファイルは変更していません。開くには Furikaeri を更新してください。</translation>
    </message>
    <message>
        <source>The library at {path} cannot be opened ({detail}). It was not changed; restore it from a backup or move it away to start a new one.</source>
        <translation>{path} のライブラリを開けません（{detail}）。ファイルは変更していません。バックアップから戻すか、別の場所へ移動して新しいライブラリを始めてください。</translation>
    </message>
    <message>
        <source>A new library could not be created at {path} ({detail}).</source>
        <translation>{path} に新しいライブラリを作成できませんでした（{detail}）。</translation>
    </message>
    <message>
        <source>The library at {path} cannot be opened: it is a folder, not a file. Nothing was changed; move the folder away to start a new library.</source>
        <translation>{path} のライブラリを開けません。ファイルではなくフォルダーになっています。何も変更していません。新しいライブラリを始めるには、このフォルダーを別の場所へ移動してください。</translation>
    </message>
    <message>
        <source>The library at {path} cannot be opened: it is not an ordinary file. Nothing was changed; move it away to start a new library.</source>
        <translation>{path} のライブラリを開けません。通常のファイルではありません。何も変更していません。新しいライブラリを始めるには、これを別の場所へ移動してください。</translation>
    </message>
    <message>
        <source>The library at {path} cannot be opened: the file is empty (0 bytes), so its interviews are missing. It was not changed and no new library was started over it; restore it from a backup, or move it away to start a new one.</source>
        <translation>{path} のライブラリを開けません。ファイルが空（0 バイト）で、面接の記録が入っていません。ファイルは変更しておらず、その上に新しいライブラリを作ることもしていません。バックアップから戻すか、別の場所へ移動して新しいライブラリを始めてください。</translation>
    </message>
    <message>
        <source>The library at {path} cannot be opened: it is not a Furikaeri library file. It was not changed; restore it from a backup or move it away to start a new one.</source>
        <translation>{path} のライブラリを開けません。Furikaeri のライブラリファイルではありません。ファイルは変更していません。バックアップから戻すか、別の場所へ移動して新しいライブラリを始めてください。</translation>
    </message>
    <message>
        <source>The library at {path} is damaged and cannot be opened ({detail}). It was not changed; restore it from a backup, or move it away to start a new one.</source>
        <translation>{path} のライブラリは破損しているため開けません（{detail}）。ファイルは変更していません。バックアップから戻すか、別の場所へ移動して新しいライブラリを始めてください。</translation>
    </message>
    <message>
        <source>The library at {path} is busy: another program has been changing it for more than {seconds} seconds. Nothing was changed; close that program or try again in a moment.</source>
        <translation>{path} のライブラリは使用中です。別のプログラムが {seconds} 秒以上書き込みを続けています。何も変更していません。そのプログラムを閉じるか、しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The disk holding the library at {path} is full, so the change was not saved. Free some space and try again.</source>
        <translation>{path} のライブラリがあるディスクがいっぱいのため、変更を保存できませんでした。空き容量を作ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The library at {path} could not be read or written ({detail}). The change was not saved.</source>
        <translation>{path} のライブラリを読み書きできませんでした（{detail}）。変更は保存されていません。</translation>
    </message>
</context>
<context>
    <name>Deleter</name>
    <message>
        <source>Furikaeri</source>
        <translation>Furikaeri（振り返り）</translation>
    </message>
    <message>
        <source>Delete recording</source>
        <translation>録音の削除</translation>
    </message>
    <message>
        <source>Delete this recording of the interview with {company} for good? This cannot be undone.</source>
        <translation>{company} の面接のこの録音を完全に削除しますか？この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Also delete my notes and their {count} earlier version(s)</source>
        <translation>メモとその以前の版（{count} 件）も削除する</translation>
    </message>
    <message>
        <source>Permission withdrawn</source>
        <translation>録音許可の取り消し</translation>
    </message>
    <message>
        <source>The interviewer withdrew permission to record the interview with {company}. Delete all its recordings and transcripts now? This cannot be undone. Your notes are kept unless you tick the box.</source>
        <translation>面接官が {company} の面接の録音許可を取り消しました。この面接の録音と書き起こしをすべて今すぐ削除しますか？この操作は元に戻せません。チェックを入れない限り、メモは残ります。</translation>
    </message>
    <message>
        <source>The interviewer withdrew permission to record the interview with {company}. Delete all its recordings and transcripts now? This cannot be undone.</source>
        <translation>面接官が {company} の面接の録音許可を取り消しました。この面接の録音と書き起こしをすべて今すぐ削除しますか？この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Delete interview</source>
        <translation>面接の削除</translation>
    </message>
    <message>
        <source>Delete the interview with {company}? This cannot be undone.</source>
        <translation>{company} の面接を削除しますか？この操作は元に戻せません。</translation>
    </message>
</context>
<context>
    <name>Deletion</name>
    <message>
        <source>The interview with {company} (no. {id})</source>
        <translation>{company} の面接（{id}）</translation>
    </message>
    <message>
        <source>The notes and their {count} earlier version(s)</source>
        <translation>メモとその以前の版（{count} 件）</translation>
    </message>
    <message>
        <source>{count} follow-up(s) and the interview&apos;s timeline</source>
        <translation>フォローアップ {count} 件と面接の経過記録</translation>
    </message>
    <message>
        <source>Recording no. {id} of {started} ({minutes} min): its audio, call track, waveform and sidecar files</source>
        <translation>録音 {id}（{started}、{minutes} 分）：音声、通話の音声、波形、付属ファイル</translation>
    </message>
    <message>
        <source>{count} transcript(s) with their words and search entries</source>
        <translation>書き起こし {count} 件と、その単語・検索用の情報</translation>
    </message>
    <message>
        <source>(no recordings to delete)</source>
        <translation>（削除する録音はありません）</translation>
    </message>
    <message>
        <source>Nothing of this interview is kept.</source>
        <translation>この面接のものは何も残りません。</translation>
    </message>
    <message>
        <source>The consent records keep that permission was withdrawn, and when.</source>
        <translation>同意記録には、許可が取り消されたことと、その日時が残ります。</translation>
    </message>
    <message>
        <source>Your notes are kept.</source>
        <translation>メモは残ります。</translation>
    </message>
    <message>
        <source>The consent records keep that recording no. {id} was deleted, and when; nothing of what it held.</source>
        <translation>同意記録には、録音 {id} を削除したことと、その日時だけが残ります。録音の内容は何も残りません。</translation>
    </message>
    <message>
        <source>Recording {id} does not exist.</source>
        <translation>録音 {id} は存在しません。</translation>
    </message>
    <message>
        <source>Recording {id} is still being recorded: stop it first. Nothing was deleted.</source>
        <translation>録音 {id} はまだ録音中です。先に停止してください。何も削除していません。</translation>
    </message>
    <message>
        <source>Interview {id} is a practice interview: there is no interviewer&apos;s permission to withdraw. Delete its recordings one by one instead.</source>
        <translation>面接 {id} は練習の面接なので、取り消す面接官の許可はありません。録音を1件ずつ削除してください。</translation>
    </message>
    <message>
        <source>The recording&apos;s files could not be deleted ({detail}). Nothing was deleted.</source>
        <translation>録音のファイルを削除できませんでした（{detail}）。何も削除していません。</translation>
    </message>
    <message>
        <source>Recording {id} is marked to keep. Nothing was deleted.</source>
        <translation>録音 {id} は保存指定されています。何も削除していません。</translation>
    </message>
</context>
<context>
    <name>Diarization</name>
    <message>
        <source>The speaker separation model {file} is missing from {folder}. Reinstall Furikaeri.</source>
        <translation>話者分離モデル {file} が {folder} にありません。Furikaeri を再インストールしてください。</translation>
    </message>
    <message>
        <source>The speaker separation model {file} cannot be read: {error}</source>
        <translation>話者分離モデル {file} を読み込めません：{error}</translation>
    </message>
    <message>
        <source>The speaker separation model {file} is damaged (its checksum does not match). Reinstall Furikaeri.</source>
        <translation>話者分離モデル {file} が破損しています（チェックサムが一致しません）。Furikaeri を再インストールしてください。</translation>
    </message>
    <message>
        <source>The speaker separation models could not be loaded: {error}</source>
        <translation>話者分離モデルを読み込めませんでした：{error}</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>missing: reinstall Furikaeri</source>
        <translation>見つかりません（Furikaeri を入れ直してください）</translation>
    </message>
    <message>
        <source>not installed (run: uv sync)</source>
        <translation>インストールされていません（uv sync を実行してください）</translation>
    </message>
    <message>
        <source>Input devices</source>
        <translation>入力デバイス</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>Call audio (online interviews)</source>
        <translation>通話の音声（オンライン面接）</translation>
    </message>
    <message>
        <source>Speech model {name}</source>
        <translation>音声認識モデル {name}</translation>
    </message>
    <message>
        <source>ready ({path})</source>
        <translation>準備完了（{path}）</translation>
    </message>
    <message>
        <source>installed; prepared on first use (or now: main.py models prepare {name})</source>
        <translation>インストール済み。初回使用時に準備されます（今すぐ準備するには：main.py models prepare {name}）</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>データフォルダー</translation>
    </message>
    <message>
        <source>{path} is not writable</source>
        <translation>{path} に書き込めません</translation>
    </message>
    <message>
        <source>Library database</source>
        <translation>ライブラリのデータベース</translation>
    </message>
    <message>
        <source>schema {version}, {count} interviews</source>
        <translation>スキーマ {version}、面接 {count} 件</translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation>同意の記録</translation>
    </message>
    <message>
        <source>cannot be checked ({detail})</source>
        <translation>確認できません（{detail}）</translation>
    </message>
    <message>
        <source>Library integrity</source>
        <translation>ライブラリの整合性</translation>
    </message>
    <message>
        <source>PRAGMA quick_check: {result}</source>
        <translation>PRAGMA quick_check：{result}</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>録音</translation>
    </message>
    <message>
        <source>nothing unfinished</source>
        <translation>未完了のものはありません</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Your interviews, looked back on</source>
        <translation>面接を、振り返りへ。</translation>
    </message>
    <message>
        <source>Your library is empty. Furikaeri helps at three moments:</source>
        <translation>ライブラリはまだ空です。Furikaeri は次の3つの場面で役に立ちます。</translation>
    </message>
    <message>
        <source>1. Practise at home</source>
        <translation>1. 自宅で模擬面接</translation>
    </message>
    <message>
        <source>Record your answers to common questions, read the transcript, and see your pace, filler words, pauses and answer length improve from one attempt to the next.</source>
        <translation>よく聞かれる質問への回答を録音し、文字起こしを読んで、話す速さ・つなぎ言葉（えー、あの）・間・回答の長さが回を重ねるごとにどう変わるかを確かめられます。</translation>
    </message>
    <message>
        <source>2. Record a real interview, with permission</source>
        <translation>2. 本番の面接を、許可を得て録音</translation>
    </message>
    <message>
        <source>Ask the interviewer first. Furikaeri records only after you confirm that they agreed, and keeps that consent with the recording. Recordings are for your own review: never publish them.</source>
        <translation>まず面接官に許可をお願いしましょう。Furikaeri は同意を得たことを確認してから録音を始め、その同意の記録を録音と一緒に保存します。録音は自分の振り返り専用です。公開はしないでください。</translation>
    </message>
    <message>
        <source>3. Notes right after the interview</source>
        <translation>3. 面接直後のメモ</translation>
    </message>
    <message>
        <source>If recording is declined, write down what was asked and what you answered while your memory is fresh. A template guides you, and everything stays searchable.</source>
        <translation>録音を断られたときは、記憶が新しいうちに、聞かれたことと答えたことを書き留めましょう。テンプレートが手順を案内し、すべて後から検索できます。</translation>
    </message>
    <message>
        <source>Add an interview</source>
        <translation>面接を追加</translation>
    </message>
    <message>
        <source>Everything stays on this computer: audio, transcripts and notes are never uploaded.</source>
        <translation>データはすべてこのパソコンの中に保存されます。音声・文字起こし・メモがアップロードされることはありません。</translation>
    </message>
</context>
<context>
    <name>FollowUpBar</name>
    <message>
        <source>This interview was on {when} and is still marked “{status}”. How did it go?</source>
        <translation>この面接は {when} に予定されていましたが、状況が「{status}」のままです。どうなりましたか？</translation>
    </message>
    <message>
        <source>Prepare message…</source>
        <translation>メッセージを作成…</translation>
    </message>
    <message>
        <source>A thank-you mail, an apology or another message, filled in from this interview</source>
        <translation>お礼メール、お詫びなどのメッセージを、この面接の情報から作成します</translation>
    </message>
    <message>
        <source>I missed their call…</source>
        <translation>電話に出られなかった…</translation>
    </message>
    <message>
        <source>Plan a call-back at a good time and prepare what to say</source>
        <translation>折り返しに適した時間を決め、話す内容を準備します</translation>
    </message>
    <message>
        <source>Cancel or decline…</source>
        <translation>キャンセル・辞退…</translation>
    </message>
    <message>
        <source>Step by step: whom to contact, how, and what to say</source>
        <translation>誰に、どの方法で、何を伝えるかを順に案内します</translation>
    </message>
    <message>
        <source>It took place</source>
        <translation>実施した</translation>
    </message>
    <message>
        <source>Waiting for the result</source>
        <translation>結果待ち</translation>
    </message>
    <message>
        <source>Something else…</source>
        <translation>その他…</translation>
    </message>
    <message>
        <source>Change the status, the date or other details (cancelled, moved, …)</source>
        <translation>状況・日時などを変更します（キャンセル、日程変更など）</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>Send {company} a thank-you mail</source>
        <translation>{company}にお礼メールを送る</translation>
    </message>
    <message>
        <source>Check the written terms of employment from {company}</source>
        <translation>{company}の労働条件通知書を確認する</translation>
    </message>
    <message>
        <source>Ask {company} about the result</source>
        <translation>{company}に選考結果を問い合わせる</translation>
    </message>
    <message>
        <source>Call {company} back</source>
        <translation>{company}に折り返し電話する</translation>
    </message>
    <message>
        <source>Send {company} a short mail after your call</source>
        <translation>電話のあと{company}に短いメールを送る</translation>
    </message>
    <message>
        <source>Apologise to {company} for the missed interview</source>
        <translation>欠席した面接について{company}にお詫びする</translation>
    </message>
    <message>
        <source>Short and sincere: thank them for their time, mention one thing from the conversation, and say you look forward to hearing from them.</source>
        <translation>短く、誠実に。時間をいただいたお礼、面接で印象に残った話をひとつ、今後もよろしくお願いしたい旨を伝えましょう。</translation>
    </message>
    <message>
        <source>Before you accept, ask for the written notice of employment terms (労働条件通知書) and compare pay, hours, place and duties with what you were told. Ask the recruiter about any difference.</source>
        <translation>承諾する前に労働条件通知書を書面で受け取り、給与・勤務時間・勤務地・業務内容が説明どおりか確認しましょう。違いがあれば採用担当に問い合わせます。</translation>
    </message>
    <message>
        <source>A week has passed without news. A polite, short enquiry is fine; if they named a date, wait until it has passed.</source>
        <translation>連絡がないまま1週間が経ちました。丁寧で短い問い合わせなら問題ありません。連絡の目安を伝えられている場合は、その日を過ぎてからにしましょう。</translation>
    </message>
    <message>
        <source>Prepare before you call: a brief apology, the reason in one sentence, how they can reach you from now on, and that you still want to continue. Call once; do not call again and again.</source>
        <translation>電話の前に準備しましょう：短いお詫び、理由をひと言、今後の連絡のつきやすさ、引き続き選考を希望していること。かけるのは一度だけにし、何度も繰り返さないようにします。</translation>
    </message>
    <message>
        <source>Confirm in writing what you discussed on the phone, and how to reach you.</source>
        <translation>電話で話した内容と、今後の連絡先を書面でも伝えましょう。</translation>
    </message>
    <message>
        <source>Contact them as soon as possible even though the time has passed: call first, then a mail. Apologise plainly, without excuses. Through an agent, tell the agent.</source>
        <translation>時間が過ぎていても、できるだけ早く連絡しましょう。まず電話、次にメール。言い訳をせず、率直にお詫びします。エージェント経由の場合はエージェントに連絡します。</translation>
    </message>
    <message>
        <source>Call {company} back ({count} missed calls)</source>
        <translation>{company}に折り返し電話する（不在着信 {count} 件）</translation>
    </message>
    <message>
        <source>You have tried {attempts} times: rather than calling again, send a short mail with your apology and the times you can be reached.</source>
        <translation>{attempts} 回かけてもつながりませんでした。これ以上かけ直すより、お詫びと連絡のつきやすい時間帯を書いた短いメールを送りましょう。</translation>
    </message>
    <message>
        <source>Follow-up {id} no longer exists.</source>
        <translation>フォローアップ {id} はもう存在しません。</translation>
    </message>
    <message>
        <source>Choose a time in the future to be reminded again.</source>
        <translation>再通知する時刻には、これから先の時刻を選んでください。</translation>
    </message>
    <message>
        <source>This follow-up is already closed.</source>
        <translation>このフォローアップはすでに完了しています。</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Recording an online interview</source>
        <translation>オンライン面接を録音するには</translation>
    </message>
    <message>
        <source>What the practice metrics mean</source>
        <translation>練習の指標の意味</translation>
    </message>
    <message>
        <source>Help topics</source>
        <translation>ヘルプの項目</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>ヘルプの本文</translation>
    </message>
    <message>
        <source>Tab moves from one part of a window to the next; the arrow keys move inside a list. Alt with the underlined letter presses a button.</source>
        <translation>Tab キーでウィンドウ内の次の部分に移り、矢印キーで一覧の中を移動します。Alt キーと下線の付いた文字でボタンを押せます。</translation>
    </message>
    <message>
        <source>In an online interview the interviewer&apos;s voice reaches you through the computer, not the microphone: with headphones the microphone never hears them. Furikaeri records two tracks, your microphone and the sound of the call, so that the transcript says who said what.</source>
        <translation>オンライン面接では、面接官の声はマイクではなくコンピューターから聞こえます。ヘッドホンを使うと、マイクには面接官の声がまったく入りません。Furikaeri はマイクと通話の音を別々のトラックに録音するので、文字起こしで誰が何を話したかが分かります。</translation>
    </message>
    <message>
        <source>Before the interview: open the interview, choose the call&apos;s sound under the record button (the output your meeting app plays to), and check that both level meters move during a test call.</source>
        <translation>面接の前に：面接を開き、録音ボタンの下で通話の音（会議アプリが音を出している出力先）を選び、テスト通話で両方のレベルメーターが動くことを確かめてください。</translation>
    </message>
    <message>
        <source>Ask first. Recording is only acceptable with the interviewer&apos;s permission: Furikaeri asks you to confirm it before anything is recorded and keeps that consent with the recording. If they say no, do not record: write notes right after the interview instead (the notes open with a template for it).</source>
        <translation>まず許可を取りましょう。録音してよいのは面接官の許可がある場合だけです。Furikaeri は録音を始める前に許可を確認し、その同意を録音と一緒に保存します。断られたら録音せず、面接の直後にメモを書きましょう（メモはそのためのテンプレートで開きます）。</translation>
    </message>
    <message>
        <source>Never publish a recording or its transcript: it holds other people&apos;s words. Everything stays on this computer unless you export it yourself.</source>
        <translation>録音や文字起こしは決して公開しないでください。他の人の発言が含まれています。自分で書き出さない限り、すべてこのコンピューターの中にとどまります。</translation>
    </message>
    <message>
        <source>Only what can be heard and counted is measured: no scores for emotion, confidence or suitability. The ranges are guides, not rules.</source>
        <translation>測るのは、聞き取れて数えられることだけです。感情・自信・適性の点数は付けません。目安の範囲は参考であり、決まりではありません。</translation>
    </message>
    <message>
        <source>Aim for {low}–{high} {unit}.</source>
        <translation>目安は {low}〜{high} {unit}です。</translation>
    </message>
    <message>
        <source>Aim for at most {high} {unit}.</source>
        <translation>目安は {high} {unit}以下です。</translation>
    </message>
    <message>
        <source>Aim for at least {low} {unit}.</source>
        <translation>目安は {low} {unit}以上です。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{name} cannot be imported: Furikaeri imports WAV, FLAC, MP3, M4A, Ogg and WebM audio.</source>
        <translation>{name} は取り込めません。Furikaeri が取り込めるのは WAV、FLAC、MP3、M4A、Ogg、WebM の音声です。</translation>
    </message>
    <message>
        <source>Furikaeri keeps only recordings made with permission, so {name} was not imported. Your notes can still hold what you remember.</source>
        <translation>Furikaeri は許可を得て録音したものだけを保管するため、{name} は取り込みませんでした。覚えていることはメモに残せます。</translation>
    </message>
    <message>
        <source>{name} could not be copied into the library: {detail}</source>
        <translation>{name} をライブラリにコピーできませんでした：{detail}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import audio</source>
        <translation>音声の取り込み</translation>
    </message>
    <message>
        <source>Was {name} recorded with permission?</source>
        <translation>{name} は許可を得て録音したものですか？</translation>
    </message>
    <message>
        <source>Yes: the interviewer agreed to be recorded</source>
        <translation>はい：面接官が録音に同意しました</translation>
    </message>
    <message>
        <source>It is my own practice: only my voice</source>
        <translation>自分の練習です：自分の声だけが入っています</translation>
    </message>
    <message>
        <source>No: nobody gave permission</source>
        <translation>いいえ：許可は得ていません</translation>
    </message>
    <message>
        <source>Who agreed</source>
        <translation>同意した人</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方法</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import audio</source>
        <translation>音声の取り込み</translation>
    </message>
    <message>
        <source>Audio (*.wav *.flac *.mp3 *.m4a *.ogg *.webm)</source>
        <translation>音声 (*.wav *.flac *.mp3 *.m4a *.ogg *.webm)</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <source>New interview</source>
        <translation>面接の追加</translation>
    </message>
    <message>
        <source>Edit interview</source>
        <translation>面接の編集</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>会社名(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>職種・ポジション(&amp;P)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>選考段階</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>面接</translation>
    </message>
    <message>
        <source>When and where</source>
        <translation>日時と場所</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>P&amp;lace or link</source>
        <translation>場所・リンク(&amp;L)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Address, or the online meeting link</source>
        <translation>住所、またはオンライン面接のリンク</translation>
    </message>
    <message>
        <source>People</source>
        <translation>関係者</translation>
    </message>
    <message>
        <source>Inter&amp;viewers</source>
        <translation>面接官(&amp;V)</translation>
    </message>
    <message>
        <source>Recruiter&apos;s &amp;name</source>
        <translation>採用担当者名(&amp;N)</translation>
    </message>
    <message>
        <source>Recruiter&apos;s &amp;mail</source>
        <translation>採用担当者のメール(&amp;M)</translation>
    </message>
    <message>
        <source>e.g. Mr Sato (sales manager)</source>
        <translation>例：佐藤様（営業部長）</translation>
    </message>
    <message>
        <source>Where thank-you and other mails go</source>
        <translation>お礼メールなどの送り先</translation>
    </message>
    <message>
        <source>How you applied</source>
        <translation>応募経路</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>経路(&amp;H)</translation>
    </message>
    <message>
        <source>A&amp;gent</source>
        <translation>エージェントの担当者(&amp;G)</translation>
    </message>
    <message>
        <source>Agenc&amp;y</source>
        <translation>エージェント会社(&amp;Y)</translation>
    </message>
    <message>
        <source>Agent&apos;s con&amp;tact</source>
        <translation>エージェントの連絡先(&amp;T)</translation>
    </message>
    <message>
        <source>e.g. JobLink</source>
        <translation>例：ジョブリンク</translation>
    </message>
    <message>
        <source>Your adviser there, e.g. Mr Mori</source>
        <translation>そこでの担当者（例：森さん）</translation>
    </message>
    <message>
        <source>Phone number or mail</source>
        <translation>電話番号またはメールアドレス</translation>
    </message>
    <message>
        <source>e.g. Example Corporation</source>
        <translation>例：株式会社サンプル</translation>
    </message>
    <message>
        <source>e.g. Sales, new graduate</source>
        <translation>例：営業職（新卒）</translation>
    </message>
    <message>
        <source>Real interview</source>
        <translation>本番の面接</translation>
    </message>
    <message>
        <source>Mock practice at home</source>
        <translation>自宅での模擬面接</translation>
    </message>
    <message>
        <source>Not fixed yet</source>
        <translation>未定</translation>
    </message>
</context>
<context>
    <name>InterviewOverview</name>
    <message>
        <source>Next: {task} — {due}</source>
        <translation>次にやること：{task}（{due}）</translation>
    </message>
    <message>
        <source>(and {count} more: see the transcript)</source>
        <translation>（ほか{count}件は書き起こしで）</translation>
    </message>
    <message>
        <source>Questions they asked ({count}): {questions}</source>
        <translation>聞かれた質問（{count}）：{questions}</translation>
    </message>
    <message>
        <source>Permission to record: not asked yet. Record… asks the interviewer first.</source>
        <translation>録音の許可：まだ確認していません。「録音…」を押すと、先に面接官への確認を求めます。</translation>
    </message>
    <message>
        <source>Permission to record: {who} agreed ({method}, {when}).</source>
        <translation>録音の許可：{who}から了承済み（{method}、{when}）。</translation>
    </message>
    <message>
        <source>Permission to record: {who} declined ({when}). Your notes are the record.</source>
        <translation>録音の許可：{who}からお断り（{when}）。メモが面接の記録になります。</translation>
    </message>
</context>
<context>
    <name>InterviewPane</name>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Recordings ({count})</source>
        <translation>録音（{count}件）</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>録音</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>経過</translation>
    </message>
    <message>
        <source>Notes, recordings and timeline</source>
        <translation>メモ・録音・経過</translation>
    </message>
    <message>
        <source>Select an interview</source>
        <translation>面接を選択してください</translation>
    </message>
    <message>
        <source>Its recordings and notes appear here.</source>
        <translation>ここに録音とメモが表示されます。</translation>
    </message>
</context>
<context>
    <name>Interviews</name>
    <message>
        <source>Please enter the company name.</source>
        <translation>会社名を入力してください。</translation>
    </message>
    <message>
        <source>The length of an interview must be between 1 minute and 24 hours.</source>
        <translation>面接の所要時間は1分から24時間の間で入力してください。</translation>
    </message>
    <message>
        <source>&quot;{email}&quot; is not a mail address.</source>
        <translation>「{email}」はメールアドレスではありません。</translation>
    </message>
    <message>
        <source>Interview {id} no longer exists.</source>
        <translation>面接 {id} はすでに存在しません。</translation>
    </message>
</context>
<context>
    <name>JapaneseModelHint</name>
    <message>
        <source>Speech models…</source>
        <translation>音声認識モデル…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Real interview</source>
        <translation>本番の面接</translation>
    </message>
    <message>
        <source>Mock practice</source>
        <translation>模擬面接</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>実施済み</translation>
    </message>
    <message>
        <source>Waiting for result</source>
        <translation>結果待ち</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通過</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>内定</translation>
    </message>
    <message>
        <source>Declined by me</source>
        <translation>辞退</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Did not attend</source>
        <translation>欠席</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>練習</translation>
    </message>
    <message>
        <source>Asked aloud, in person</source>
        <translation>対面で口頭で確認</translation>
    </message>
    <message>
        <source>Asked aloud, online</source>
        <translation>オンラインで口頭で確認</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>書面で</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>メールで</translation>
    </message>
    <message>
        <source>The meeting platform&apos;s recording notice</source>
        <translation>会議ツールの録音通知</translation>
    </message>
    <message>
        <source>Myself (practice)</source>
        <translation>自分自身（練習）</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>録音中</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <source>interrupted (kept)</source>
        <translation>中断（保存済み）</translation>
    </message>
    <message>
        <source>recovered after a crash</source>
        <translation>異常終了から復旧</translation>
    </message>
    <message>
        <source>Direct application</source>
        <translation>直接応募</translation>
    </message>
    <message>
        <source>Through a recruiting agent</source>
        <translation>エージェント経由</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>紹介（リファラル）</translation>
    </message>
    <message>
        <source>Part-time job</source>
        <translation>アルバイト</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Not fixed</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>選考段階</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
</context>
<context>
    <name>LibraryMove</name>
    <message>
        <source>Moving the library to {path}…</source>
        <translation>ライブラリを {path} へ移動しています…</translation>
    </message>
    <message>
        <source>The library could not be moved ({detail}); it is where it was.</source>
        <translation>ライブラリを移動できませんでした({detail})。ライブラリは元の場所にあります。</translation>
    </message>
</context>
<context>
    <name>LibrarySearch</name>
    <message>
        <source>A recording is running: its interview stays open.</source>
        <translation>録音中のため、録音中の面接を表示したままにしています。</translation>
    </message>
    <message>
        <source>That recording no longer exists.</source>
        <translation>その録音はすでに削除されています。</translation>
    </message>
</context>
<context>
    <name>LiveLine</name>
    <message>
        <source>Transcript: up to {heard} of {recorded}</source>
        <translation>文字起こし: {recorded} 中 {heard} まで</translation>
    </message>
    <message>
        <source>Finishing the transcript…</source>
        <translation>文字起こしを仕上げています…</translation>
    </message>
    <message>
        <source>The transcript could not be made while recording ({error}). The recording is kept: open its transcript to try again.</source>
        <translation>録音中の文字起こしができませんでした（{error}）。録音は保存されています。文字起こしを開いて、もう一度お試しください。</translation>
    </message>
    <message>
        <source>How far the transcript has got</source>
        <translation>文字起こしの進み具合</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>● REC</source>
        <translation>● 録音中</translation>
    </message>
    <message>
        <source>❚❚ PAUSED</source>
        <translation>❚❚ 一時停止中</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>ライブラリ(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New interview…</source>
        <translation>面接を追加(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit interview…</source>
        <translation>面接を編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete interview</source>
        <translation>面接を削除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Furikaeri</source>
        <translation>Furikaeri について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help and keyboard shortcuts</source>
        <translation>ヘルプとキーボードショートカット(&amp;H)</translation>
    </message>
    <message>
        <source>Insert the current time into the notes</source>
        <translation>現在の時刻をメモに挿入</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Search notes, transcripts and companies</source>
        <translation>メモ・書き起こし・会社名を検索</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>面接一覧</translation>
    </message>
    <message>
        <source>Company, position, type, stage, date and status of each interview; Enter edits the selected one</source>
        <translation>各面接の会社名・職種・種類・選考段階・日時・状況。Enter キーで選択中の面接を編集</translation>
    </message>
    <message>
        <source>Interview practice and review</source>
        <translation>面接の練習と振り返り</translation>
    </message>
    <message>
        <source>About Furikaeri</source>
        <translation>Furikaeri について</translation>
    </message>
    <message>
        <source>Furikaeri {version}

Practise interviews at home, record real interviews only with the interviewer&apos;s permission, and review them afterwards. Everything stays on this computer.</source>
        <translation>Furikaeri {version}

自宅で面接を練習し、本番の面接は面接官の許可を得たときだけ録音して、後から振り返るためのアプリです。データはすべてこのパソコンの中に保存されます。</translation>
    </message>
    <message>
        <source>Furikaeri</source>
        <translation>Furikaeri（振り返り）</translation>
    </message>
    <message>
        <source>Recording in progress</source>
        <translation>録音中です</translation>
    </message>
    <message>
        <source>A recording is running. Stop it, save it and quit?</source>
        <translation>録音中です。録音を停止・保存して終了しますか？</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>Prepare a message — {company}</source>
        <translation>メッセージの作成 — {company}</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>メッセージ(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>Set my &amp;name…</source>
        <translation>名前を設定(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>宛先(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>件名(&amp;S)</translation>
    </message>
    <message>
        <source>Mail address (not recorded for this interview)</source>
        <translation>メールアドレス（この面接には未登録）</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the subject and the text to the clipboard</source>
        <translation>件名と本文をクリップボードにコピーします</translation>
    </message>
    <message>
        <source>Open in mail &amp;app</source>
        <translation>メールアプリで開く(&amp;A)</translation>
    </message>
    <message>
        <source>Opens a new mail in your mail program; nothing is sent by Furikaeri</source>
        <translation>お使いのメールソフトで新規メールを開きます。Furikaeri からは何も送信しません</translation>
    </message>
    <message>
        <source>Replace your text?</source>
        <translation>文面を置き換えますか？</translation>
    </message>
    <message>
        <source>You have edited this draft. Replace it with the new one? (Copy it first to keep it.)</source>
        <translation>この文面は編集されています。新しい文面に置き換えますか？（残したい場合は先にコピーしてください。）</translation>
    </message>
    <message>
        <source>A script to keep in front of you while you call</source>
        <translation>電話をかけるときに手元に置く台本です</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Still to fill in (highlighted in yellow): {fields}</source>
        <translation>未記入の項目（黄色で表示）：{fields}</translation>
    </message>
    <message>
        <source>No mail program answered. Use Copy and paste the text into your mail.</source>
        <translation>メールソフトが起動しませんでした。「コピー」を使ってメールに貼り付けてください。</translation>
    </message>
    <message>
        <source>Signed as {name}.</source>
        <translation>署名：{name}</translation>
    </message>
    <message>
        <source>Change my &amp;name…</source>
        <translation>名前を変更(&amp;N)…</translation>
    </message>
    <message>
        <source>Your name for English mails is not set yet: the other one is used.</source>
        <translation>英語のメール用の名前がまだ設定されていないため、もう一方の名前を使っています。</translation>
    </message>
    <message>
        <source>Your name for English mails is not set yet, so it is left as a gap in the text.</source>
        <translation>英語のメール用の名前がまだ設定されていないため、本文では空欄になっています。</translation>
    </message>
    <message>
        <source>Your name for Japanese mails is not set yet: the other one is used.</source>
        <translation>日本語のメール用の名前がまだ設定されていないため、もう一方の名前を使っています。</translation>
    </message>
    <message>
        <source>Your name for Japanese mails is not set yet, so it is left as a gap in the text.</source>
        <translation>日本語のメール用の名前がまだ設定されていないため、本文では空欄になっています。</translation>
    </message>
    <message>
        <source>Your full name as you sign English mails (e.g. Taro Yamada):</source>
        <translation>英語のメールに署名するときの氏名（例：Taro Yamada）：</translation>
    </message>
    <message>
        <source>Your full name as you sign Japanese mails (e.g. 山田 太郎):</source>
        <translation>日本語のメールに署名するときの氏名（例：山田 太郎）：</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>お名前</translation>
    </message>
</context>
<context>
    <name>MessageFields</name>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>職種</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>選考段階</translation>
    </message>
    <message>
        <source>Interview date and time</source>
        <translation>面接の日時</translation>
    </message>
    <message>
        <source>Recruiter&apos;s name</source>
        <translation>採用担当者名</translation>
    </message>
    <message>
        <source>Interviewers</source>
        <translation>面接官</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>宛名</translation>
    </message>
    <message>
        <source>What you decline</source>
        <translation>辞退するもの</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>あなたの氏名</translation>
    </message>
    <message>
        <source>Your phone or mail</source>
        <translation>あなたの電話番号またはメール</translation>
    </message>
    <message>
        <source>What you appreciated in the conversation</source>
        <translation>印象に残った話題</translation>
    </message>
    <message>
        <source>When they called</source>
        <translation>着信があった日時</translation>
    </message>
    <message>
        <source>Reason, in one sentence</source>
        <translation>理由（一文で）</translation>
    </message>
    <message>
        <source>How they can reach you from now on</source>
        <translation>今後の連絡のつきやすさ</translation>
    </message>
    <message>
        <source>What happened since your call</source>
        <translation>その後の経過</translation>
    </message>
    <message>
        <source>What the reply is about</source>
        <translation>返信の用件</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>お返事の内容</translation>
    </message>
    <message>
        <source>Who referred you</source>
        <translation>紹介してくださった方</translation>
    </message>
</context>
<context>
    <name>MessageTemplates</name>
    <message>
        <source>Asking permission to record</source>
        <translation>録音の許可をお願いする</translation>
    </message>
    <message>
        <source>Thank-you mail</source>
        <translation>お礼メール</translation>
    </message>
    <message>
        <source>Calling back after a missed call</source>
        <translation>不在着信への折り返し電話</translation>
    </message>
    <message>
        <source>Mail after a missed call</source>
        <translation>不在着信のあとのメール</translation>
    </message>
    <message>
        <source>Cancelling an interview by phone</source>
        <translation>面接キャンセルの電話</translation>
    </message>
    <message>
        <source>Cancelling an interview by mail</source>
        <translation>面接キャンセルのメール</translation>
    </message>
    <message>
        <source>Cancelling an interview through the agent, by phone</source>
        <translation>エージェント経由の面接キャンセルの電話</translation>
    </message>
    <message>
        <source>Cancelling an interview through the agent, by mail</source>
        <translation>エージェント経由の面接キャンセルのメール</translation>
    </message>
    <message>
        <source>Withdrawing from the selection by phone</source>
        <translation>選考辞退の電話</translation>
    </message>
    <message>
        <source>Withdrawing from the selection by mail</source>
        <translation>選考辞退のメール</translation>
    </message>
    <message>
        <source>Declining through the agent, by phone</source>
        <translation>エージェントへの辞退の電話</translation>
    </message>
    <message>
        <source>Declining through the agent, by mail</source>
        <translation>エージェントへの辞退のメール</translation>
    </message>
    <message>
        <source>Apology for a late reply</source>
        <translation>返信が遅れたお詫び</translation>
    </message>
    <message>
        <source>Asking about the result</source>
        <translation>選考結果の問い合わせ</translation>
    </message>
    <message>
        <source>Asking for the written terms</source>
        <translation>労働条件通知書の送付のお願い</translation>
    </message>
    <message>
        <source>Apologising for a missed interview, by mail</source>
        <translation>面接を欠席したお詫びのメール</translation>
    </message>
    <message>
        <source>Apologising for a missed interview, by phone</source>
        <translation>面接を欠席したお詫びの電話</translation>
    </message>
    <message>
        <source>Apologising to the agent for a missed interview, by phone</source>
        <translation>面接を欠席したお詫びの電話（エージェントへ）</translation>
    </message>
    <message>
        <source>Declining an offer by phone</source>
        <translation>内定辞退の電話</translation>
    </message>
    <message>
        <source>Declining an offer by mail</source>
        <translation>内定辞退のメール</translation>
    </message>
    <message>
        <source>Telling the person who referred you</source>
        <translation>紹介してくださった方へのご報告</translation>
    </message>
    <message>
        <source>Ask whether another date is possible (I want to continue)</source>
        <translation>別の日程が可能か尋ねる（選考を続けたい）</translation>
    </message>
    <message>
        <source>Say that I withdraw (I do not want to continue)</source>
        <translation>辞退することを伝える（選考を続けない）</translation>
    </message>
    <message>
        <source>Say that I have already told the company myself</source>
        <translation>企業にはすでに自分から伝えたことを書く</translation>
    </message>
    <message>
        <source>This interview was arranged by {agent}: contact the agent rather than the company.</source>
        <translation>この面接は{agent}の紹介です。企業ではなくエージェントに連絡しましょう。</translation>
    </message>
    <message>
        <source>Send this to your agent, {agent}, not to the company.</source>
        <translation>企業ではなく、エージェント（{agent}）に送りましょう。</translation>
    </message>
    <message>
        <source>This interview was arranged by {agent}. The usual route for thanks is through the agent: send this to them and ask them to pass it on. Write to the company directly only if the agent says so.</source>
        <translation>この面接は{agent}の紹介です。お礼はエージェント経由で伝えるのが通例です。このメールをエージェントに送り、企業へ伝えてもらうようお願いしましょう。企業へ直接送るのは、エージェントにそう言われた場合だけにしましょう。</translation>
    </message>
    <message>
        <source>Call your agent, {agent}, with this script, not the company.</source>
        <translation>この台本で、企業ではなくエージェント（{agent}）に電話しましょう。</translation>
    </message>
    <message>
        <source>This interview is not recorded as arranged by an agent: choose the message to the company, or add the agent in the interview&apos;s details.</source>
        <translation>この面接はエージェント経由として登録されていません。企業あての文面を選ぶか、面接の詳細でエージェントを登録してください。</translation>
    </message>
    <message>
        <source>A script to read from: call on a weekday between 10:15 and 16:45, not over lunch.</source>
        <translation>電話で読み上げる台本です。平日の10時15分から16時45分の間、昼休みを避けてかけましょう。</translation>
    </message>
    <message>
        <source>For the person who referred you, by mail or the chat you usually use: write it once the company knows, so that they hear it from you first. Fill in their name.</source>
        <translation>紹介してくださった方には、メールやいつものチャットで伝えましょう。企業に伝えた後、企業から話が届く前に送るのが礼儀です。お名前は入力してください。</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>回/分</translation>
    </message>
    <message>
        <source>times</source>
        <translation>回</translation>
    </message>
    <message>
        <source>Speech coaching: about 1 filler a minute sounds fluent, about 5 a minute sounds hesitant.</source>
        <translation>話し方の指導では、1 分に 1 回程度なら流暢、5 回程度だとためらいがちに聞こえるとされます。</translation>
    </message>
    <message>
        <source>Interview coaching: a silence of more than about 2.5 s is noticed by the listener.</source>
        <translation>面接の指導では、2.5 秒ほどを超える沈黙は聞き手に気づかれるとされます。</translation>
    </message>
    <message>
        <source>Answer length</source>
        <translation>回答の長さ</translation>
    </message>
    <message>
        <source>How long you spoke, from your first word to your last. Compare it with the length the question calls for: a self-introduction about 1 minute, most other answers 1 to 2 minutes.</source>
        <translation>最初の言葉から最後の言葉までの話した時間です。質問に合った長さと比べてください。自己紹介は 1 分程度、その他の多くの回答は 1〜2 分が目安です。</translation>
    </message>
    <message>
        <source>The question&apos;s target length, give or take 25%.</source>
        <translation>質問ごとの目標の長さ（前後 25%）。</translation>
    </message>
    <message>
        <source>Time to first word</source>
        <translation>話し始めまでの時間</translation>
    </message>
    <message>
        <source>How long it took you to start answering. A short pause to think is natural; a long silence at the start is noticed.</source>
        <translation>回答を話し始めるまでにかかった時間です。考えるための短い間は自然ですが、最初に長く黙ると相手に気づかれます。</translation>
    </message>
    <message>
        <source>Fillers</source>
        <translation>フィラー</translation>
    </message>
    <message>
        <source>Filler words such as um, uh or えーと, あの, and where they occur.</source>
        <translation>「えーと」「あの」（英語では um や uh）などのつなぎ言葉の数と、出てきた位置です。</translation>
    </message>
    <message>
        <source>Fillers per minute</source>
        <translation>1 分あたりのフィラー</translation>
    </message>
    <message>
        <source>How often you used filler words. A few are normal; many make an answer sound unprepared.</source>
        <translation>つなぎ言葉を使った頻度です。少しなら自然ですが、多いと準備不足に聞こえます。</translation>
    </message>
    <message>
        <source>Long pauses</source>
        <translation>長い間</translation>
    </message>
    <message>
        <source>Silences longer than 2.5 s in the middle of your answer. One pause to collect your thoughts is fine; several make the answer hard to follow.</source>
        <translation>回答の途中の 2.5 秒を超える沈黙です。考えをまとめるための 1 回なら問題ありませんが、何度もあると話が追いにくくなります。</translation>
    </message>
    <message>
        <source>Longest pause</source>
        <translation>最も長い間</translation>
    </message>
    <message>
        <source>The longest silence between two words of your answer.</source>
        <translation>回答の中で、言葉と言葉の間にあった最も長い沈黙です。</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>単語数</translation>
    </message>
    <message>
        <source>words</source>
        <translation>語</translation>
    </message>
    <message>
        <source>How many words you said, fillers included.</source>
        <translation>話した単語の数です（フィラーを含みます）。</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>話す速さ</translation>
    </message>
    <message>
        <source>words/min</source>
        <translation>語/分</translation>
    </message>
    <message>
        <source>Words per minute from your first word to your last, pauses included. Faster is hard to follow; slower can sound hesitant.</source>
        <translation>最初の言葉から最後の言葉までの 1 分あたりの単語数です（間も含みます）。速すぎると聞き取りにくく、遅すぎるとためらいがちに聞こえます。</translation>
    </message>
    <message>
        <source>Speech coaching: conversation runs at about 150 words a minute; 130-160 is clear and easy to follow.</source>
        <translation>話し方の指導では、英語の会話は 1 分に約 150 語、130〜160 語が明瞭で聞き取りやすいとされます。</translation>
    </message>
    <message>
        <source>Articulation rate</source>
        <translation>発話中の速さ</translation>
    </message>
    <message>
        <source>Words per minute while actually speaking, silences of a quarter second or more left out. Far above your pace means many pauses; close to it means you speak in a steady flow.</source>
        <translation>実際に話している間だけの 1 分あたりの単語数です（0.25 秒以上の沈黙を除きます）。話す速さより大きく上回るなら間が多く、近ければ途切れずに話せています。</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>文字数</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>字</translation>
    </message>
    <message>
        <source>How many characters your answer has when written down (kana, kanji, letters and digits; punctuation not counted). A one-minute self-PR is about 300.</source>
        <translation>回答を書き起こしたときの文字数です（かな・漢字・英字・数字。句読点は数えません）。1 分の自己 PR で約 300 字です。</translation>
    </message>
    <message>
        <source>Morae</source>
        <translation>拍数</translation>
    </message>
    <message>
        <source>morae</source>
        <translation>拍</translation>
    </message>
    <message>
        <source>How many sound beats (morae, 拍) you said: きゃ, っ, ん and ー count one each. Unlike characters, this does not depend on how many kanji the transcript uses.</source>
        <translation>話した音の数（拍、モーラ）です。「きゃ」「っ」「ん」「ー」はそれぞれ 1 拍と数えます。文字数と違い、文字起こしの漢字の多さに左右されません。</translation>
    </message>
    <message>
        <source>characters/min</source>
        <translation>字/分</translation>
    </message>
    <message>
        <source>Characters per minute from your first word to your last, pauses included. Faster is hard to follow; slower can sound hesitant.</source>
        <translation>最初の言葉から最後の言葉までの 1 分あたりの文字数です（間も含みます）。速すぎると聞き取りにくく、遅すぎるとためらいがちに聞こえます。</translation>
    </message>
    <message>
        <source>Broadcast Japanese is about 300 characters a minute; 300-400 is easy to follow, everyday talk runs at 360-420.</source>
        <translation>アナウンサーの標準は 1 分に約 300 字で、300〜400 字が聞き取りやすく、日常会話は 360〜420 字ほどです。</translation>
    </message>
    <message>
        <source>Pace in morae</source>
        <translation>拍で測る速さ</translation>
    </message>
    <message>
        <source>morae/min</source>
        <translation>拍/分</translation>
    </message>
    <message>
        <source>Sound beats per minute, pauses included: the steadiest measure of Japanese speaking speed.</source>
        <translation>1 分あたりの拍数です（間も含みます）。日本語の話す速さを最も安定して表す指標です。</translation>
    </message>
    <message>
        <source>Studies of listening ease: about 320-360 morae a minute is preferred.</source>
        <translation>聞きやすさの研究では、1 分に 320〜360 拍ほどが好まれるとされます。</translation>
    </message>
    <message>
        <source>Characters per minute while actually speaking, silences of a quarter second or more left out. Far above your pace means many pauses; close to it means you speak in a steady flow.</source>
        <translation>実際に話している間だけの 1 分あたりの文字数です（0.25 秒以上の沈黙を除きます）。話す速さより大きく上回るなら間が多く、近ければ途切れずに話せています。</translation>
    </message>
    <message>
        <source>below the range</source>
        <translation>目安より下</translation>
    </message>
    <message>
        <source>in range</source>
        <translation>目安の範囲内</translation>
    </message>
    <message>
        <source>above the range</source>
        <translation>目安より上</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Speech metrics are available for Japanese and English only (this answer: {language}).</source>
        <translation>話し方の指標は日本語と英語の回答にだけ対応しています（この回答：{language}）。</translation>
    </message>
</context>
<context>
    <name>MetricsView</name>
    <message>
        <source>The measures appear here once the recording is transcribed.</source>
        <translation>録音の文字起こしが終わると、ここに指標が表示されます。</translation>
    </message>
    <message>
        <source>within the target</source>
        <translation>目安の範囲内</translation>
    </message>
    <message>
        <source>outside the target</source>
        <translation>目安の範囲外</translation>
    </message>
    <message>
        <source>target {low}–{high}</source>
        <translation>目安 {low}～{high}</translation>
    </message>
    <message>
        <source>target: up to {high}</source>
        <translation>目安 {high}以下</translation>
    </message>
    <message>
        <source>target: at least {low}</source>
        <translation>目安 {low}以上</translation>
    </message>
</context>
<context>
    <name>MicrophoneCheck</name>
    <message>
        <source>Check again</source>
        <translation>もう一度確認</translation>
    </message>
    <message>
        <source>Checking the microphone…</source>
        <translation>マイクを確認しています…</translation>
    </message>
    <message>
        <source>Practice needs a microphone. {reason}</source>
        <translation>練習にはマイクが必要です。{reason}</translation>
    </message>
</context>
<context>
    <name>MissedCall</name>
    <message>
        <source>I missed their call</source>
        <translation>電話に出られなかった</translation>
    </message>
    <message>
        <source>When did they call? The call-back is planned for a suitable time: a business day between about 10:15 and 16:45, not over lunch.</source>
        <translation>着信はいつでしたか？ 折り返しは適した時間（営業日の10時15分〜16時45分ごろ、昼休みを除く）に予定します。</translation>
    </message>
</context>
<context>
    <name>ModelChoice</name>
    <message>
        <source>Speech models…</source>
        <translation>音声認識モデル…</translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <source>Installed</source>
        <translation>インストール済み</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>内蔵</translation>
    </message>
    <message>
        <source>{megabytes} MB downloaded; continues</source>
        <translation>{megabytes} MB ダウンロード済み（続きから再開）</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>未ダウンロード</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破損</translation>
    </message>
    <message>
        <source>Speech models</source>
        <translation>音声認識モデル</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Download size</source>
        <translation>ダウンロードサイズ</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Error rate (published)</source>
        <translation>誤り率（公表値）</translation>
    </message>
    <message>
        <source>Speed on this computer</source>
        <translation>このコンピューターでの速度</translation>
    </message>
    <message>
        <source>Error rate: the share of characters recognised wrongly in real Japanese speech, as published.</source>
        <translation>誤り率：実際の日本語音声で誤って認識された文字の割合（公表値）。</translation>
    </message>
    <message>
        <source>Downloading is the only time Furikaeri goes online, and only when you ask. Everything else stays on this computer.</source>
        <translation>Furikaeri がネットワークに接続するのは、あなたが依頼したダウンロードのときだけです。それ以外はすべてこのコンピューターの中で行います。</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>ダウンロード…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Measure speed</source>
        <translation>速度を測定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Download a speech model</source>
        <translation>音声認識モデルのダウンロード</translation>
    </message>
    <message>
        <source>Download “{name}” ({size}) from the Hugging Face hub? Furikaeri goes online only for this download; an interrupted download continues where it stopped.</source>
        <translation>「{name}」（{size}）を Hugging Face ハブからダウンロードしますか？ネットワークに接続するのはこのダウンロードのときだけです。中断しても、次回は続きから再開します。</translation>
    </message>
    <message>
        <source>Downloading “{name}”…</source>
        <translation>「{name}」をダウンロードしています…</translation>
    </message>
    <message>
        <source>“{name}” is installed. Choose it in Settings to use it.</source>
        <translation>「{name}」をインストールしました。使うには設定で選んでください。</translation>
    </message>
    <message>
        <source>Downloading: {done} of {total} MB</source>
        <translation>ダウンロード中：{total} MB 中 {done} MB</translation>
    </message>
    <message>
        <source>Remove a speech model</source>
        <translation>音声認識モデルの削除</translation>
    </message>
    <message>
        <source>Delete the downloaded model “{name}” from this computer?</source>
        <translation>ダウンロードしたモデル「{name}」をこのコンピューターから削除しますか？</translation>
    </message>
    <message>
        <source>“{name}” was removed ({megabytes} MB freed).</source>
        <translation>「{name}」を削除しました（{megabytes} MB 解放）。</translation>
    </message>
    <message>
        <source>Measuring the speed of “{name}” on a short built-in clip…</source>
        <translation>内蔵の短い音声で「{name}」の速度を測定しています…</translation>
    </message>
    <message>
        <source>“{name}”: about {minutes} minutes of work per hour of audio on this computer.</source>
        <translation>「{name}」：このコンピューターでは音声1時間あたり約{minutes}分です。</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>Whisper base, multilingual (Japanese and English), 145 MB</source>
        <translation>Whisper base（多言語：日本語・英語）145 MB</translation>
    </message>
    <message>
        <source>Whisper tiny, English only, 76 MB</source>
        <translation>Whisper tiny（英語のみ）76 MB</translation>
    </message>
    <message>
        <source>Read Japanese: the Kotoba-Whisper v2.0 model card (Kotoba Technologies and japanese-asr), character error rates on JSUT Basic 5000 and Common Voice 8.0.</source>
        <translation>読み上げの日本語：Kotoba-Whisper v2.0 のモデルカード（Kotoba Technologies と japanese-asr）に掲載された、JSUT Basic 5000 と Common Voice 8.0 での文字誤り率。</translation>
    </message>
    <message>
        <source>Conversation: Neosophie&apos;s Japanese speech recognition benchmark (February 2026), 20 clips of real Japanese conversation.</source>
        <translation>会話：Neosophie の日本語音声認識ベンチマーク（2026年2月）に掲載された、実際の日本語の会話20クリップでの結果。</translation>
    </message>
    <message>
        <source>Whisper small, multilingual</source>
        <translation>Whisper small（多言語）</translation>
    </message>
    <message>
        <source>Whisper medium, multilingual</source>
        <translation>Whisper medium（多言語）</translation>
    </message>
    <message>
        <source>Whisper large-v3 turbo, multilingual, faster than large-v3</source>
        <translation>Whisper large-v3 turbo（多言語、large-v3 より高速）</translation>
    </message>
    <message>
        <source>Whisper large-v3, multilingual, the most accurate</source>
        <translation>Whisper large-v3（多言語、最も高精度）</translation>
    </message>
    <message>
        <source>Kotoba-Whisper v2.0, tuned for Japanese</source>
        <translation>Kotoba-Whisper v2.0（日本語向けに調整）</translation>
    </message>
    <message>
        <source>The Python package {package} is not installed. Reinstall Furikaeri.</source>
        <translation>Python パッケージ {package} がインストールされていません。Furikaeri を再インストールしてください。</translation>
    </message>
    <message>
        <source>The installed package {package} is damaged: {file} is missing or has the wrong size. Reinstall Furikaeri.</source>
        <translation>インストール済みのパッケージ {package} が壊れています（{file} がないか、サイズが正しくありません）。Furikaeri を再インストールしてください。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>フォルダー {folder} がありません。</translation>
    </message>
    <message>
        <source>{folder} is not a folder.</source>
        <translation>{folder} はフォルダーではありません。</translation>
    </message>
    <message>
        <source>The folder {folder} does not contain a complete speech model. Missing: {missing}.</source>
        <translation>フォルダー {folder} には音声認識モデルがそろっていません。不足：{missing}。</translation>
    </message>
    <message>
        <source>The file model.bin in {folder} is empty.</source>
        <translation>{folder} の model.bin が空です。</translation>
    </message>
    <message>
        <source>The speech model “{name}” is incomplete: {file} is missing from {folder}.</source>
        <translation>音声認識モデル「{name}」が不完全です：{folder} に {file} がありません。</translation>
    </message>
    <message>
        <source>The speech model “{name}” is damaged: {file} in {folder} has {actual} bytes instead of {expected}.</source>
        <translation>音声認識モデル「{name}」が壊れています：{folder} の {file} が {expected} バイトではなく {actual} バイトです。</translation>
    </message>
    <message>
        <source>The speech model “{name}” in {folder} has no manifest: its preparation was interrupted.</source>
        <translation>{folder} の音声認識モデル「{name}」には管理ファイルがありません。準備が途中で中断されました。</translation>
    </message>
    <message>
        <source>The speech model “{name}” in {folder} has an unreadable or outdated manifest.</source>
        <translation>{folder} の音声認識モデル「{name}」の管理ファイルが読めないか、古くなっています。</translation>
    </message>
    <message>
        <source>The speech model “{name}” is damaged: the checksum of {file} in {folder} is wrong.</source>
        <translation>音声認識モデル「{name}」が壊れています：{folder} の {file} のチェックサムが一致しません。</translation>
    </message>
    <message>
        <source>The speech model “{name}” has not been prepared yet; it is assembled from the installed packages on first use ({megabytes} MB).</source>
        <translation>音声認識モデル「{name}」はまだ準備されていません。初回使用時に、インストール済みのパッケージから組み立てます（{megabytes} MB）。</translation>
    </message>
    <message>
        <source>The speech model “{name}” is not downloaded yet. Download it in Settings (Speech models…) or with: main.py models download {name}</source>
        <translation>音声認識モデル「{name}」はまだダウンロードされていません。設定の「音声認識モデル…」か、main.py models download {name} でダウンロードしてください。</translation>
    </message>
    <message>
        <source>There is no speech model called “{name}”. Choose one of {available}, or a folder that contains a model.</source>
        <translation>「{name}」という音声認識モデルはありません。{available} のいずれか、またはモデルの入ったフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Could not check the speech model “{name}”: {error}</source>
        <translation>音声認識モデル「{name}」を確認できませんでした：{error}</translation>
    </message>
    <message>
        <source>Could not prepare the speech model “{name}”: the installed packages give a wrong {file}. Reinstall Furikaeri.</source>
        <translation>音声認識モデル「{name}」を準備できませんでした：インストール済みのパッケージから作った {file} が正しくありません。Furikaeri を再インストールしてください。</translation>
    </message>
    <message>
        <source>Could not prepare the speech model “{name}” in {folder}: {error}</source>
        <translation>{folder} に音声認識モデル「{name}」を準備できませんでした：{error}</translation>
    </message>
    <message>
        <source>Could not prepare the speech model “{name}”: {error}</source>
        <translation>音声認識モデル「{name}」を準備できませんでした：{error}</translation>
    </message>
    <message>
        <source>No CUDA graphics card is available for speech recognition.</source>
        <translation>音声認識に使える CUDA 対応のグラフィックカードがありません。</translation>
    </message>
    <message>
        <source>The speech model in {folder} could not be loaded: {error}</source>
        <translation>{folder} の音声認識モデルを読み込めませんでした：{error}</translation>
    </message>
    <message>
        <source>“{name}” cannot be downloaded. Choose one of: {available}.</source>
        <translation>「{name}」はダウンロードできません。次のいずれかを選んでください：{available}。</translation>
    </message>
    <message>
        <source>Could not save the speech model “{name}” in {folder}: {error}</source>
        <translation>音声認識モデル「{name}」を {folder} に保存できませんでした：{error}</translation>
    </message>
    <message>
        <source>The speech model “{name}” is being downloaded already (in another window or command). Wait until it has finished.</source>
        <translation>音声認識モデル「{name}」は、別のウィンドウかコマンドでダウンロード中です。終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>The hub&apos;s copy of “{name}” ({repo}) is not a complete speech model ({missing} missing): nothing was downloaded.</source>
        <translation>ハブ上の「{name}」（{repo}）は音声認識モデルとして完全ではありません（{missing} がありません）。何もダウンロードしていません。</translation>
    </message>
    <message>
        <source>The hub at {where} has no model {repo}: nothing was downloaded.</source>
        <translation>{where} のハブにモデル {repo} がありません。何もダウンロードしていません。</translation>
    </message>
    <message>
        <source>The hub at {where} gave an unusable answer for {repo} ({detail}); nothing was installed. Try again later.</source>
        <translation>{where} のハブから {repo} について使えない応答が返りました（{detail}）。何もインストールしていません。しばらくしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The connection to {where} was lost ({detail}). The {megabytes} MB downloaded so far are kept; the next download continues from there.</source>
        <translation>{where} との接続が切れました（{detail}）。ここまでにダウンロードした {megabytes} MB は保存してあり、次回のダウンロードはその続きから始まります。</translation>
    </message>
    <message>
        <source>Could not reach the hub at {where} ({detail}). Check the internet connection and try again.</source>
        <translation>{where} のハブに接続できませんでした（{detail}）。インターネット接続を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Downloading “{name}” needs {needed} MB of free space in {folder}, but only {free} MB are free. Free some space and try again.</source>
        <translation>「{name}」のダウンロードには {folder} に {needed} MB の空き容量が必要ですが、空きは {free} MB しかありません。空き容量を増やしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The downloaded file {file} of “{name}” does not match the hub&apos;s checksum: it was deleted and nothing was installed. Try again.</source>
        <translation>ダウンロードした「{name}」のファイル {file} がハブのチェックサムと一致しないため、削除しました。何もインストールしていません。もう一度お試しください。</translation>
    </message>
    <message>
        <source>The disk became full while downloading “{name}”: nothing was installed. The {megabytes} MB downloaded so far are kept in {folder}; free some space and download again to continue, or remove the model to delete them.</source>
        <translation>「{name}」のダウンロード中にディスクがいっぱいになったため、何もインストールしていません。ここまでにダウンロードした {megabytes} MB は {folder} に保存してあります。空き容量を増やしてもう一度ダウンロードすると続きから再開し、モデルを削除するとこれらは消去されます。</translation>
    </message>
    <message>
        <source>“{name}” comes with Furikaeri and cannot be removed.</source>
        <translation>「{name}」は Furikaeri に付属しているため、削除できません。</translation>
    </message>
    <message>
        <source>The speech model “{name}” is not downloaded.</source>
        <translation>音声認識モデル「{name}」はダウンロードされていません。</translation>
    </message>
    <message>
        <source>The download of “{name}” was cancelled. The {megabytes} MB downloaded so far are kept; the next download continues from there.</source>
        <translation>「{name}」のダウンロードをキャンセルしました。ここまでにダウンロードした {megabytes} MB は保存してあり、次回のダウンロードはその続きから始まります。</translation>
    </message>
    <message>
        <source>The chosen speech model “{name}” cannot transcribe Japanese on this computer: choose base or a bigger model in Settings.</source>
        <translation>選択中の音声認識モデル「{name}」では、このコンピューターで日本語を文字起こしできません。設定で base 以上のモデルを選んでください。</translation>
    </message>
    <message>
        <source>Japanese is transcribed with “{name}”, installed on this computer (published error rate on read Japanese: {cer}% of characters).</source>
        <translation>日本語の文字起こしには、このコンピューターにある「{name}」を使います（公表されている読み上げ日本語での文字誤り率：{cer}%）。</translation>
    </message>
    <message>
        <source>Japanese is transcribed with “{name}”, installed on this computer.</source>
        <translation>日本語の文字起こしには、このコンピューターにある「{name}」を使います。</translation>
    </message>
    <message>
        <source>It needs about {minutes} minutes of work per hour of audio here (measured).</source>
        <translation>このコンピューターでは、音声1時間あたり約{minutes}分かかります（実測）。</translation>
    </message>
    <message>
        <source>“{name}” would be more accurate ({cer}% as published): {cost}</source>
        <translation>「{name}」ならより正確です（公表値 {cer}%）。{cost}</translation>
    </message>
    <message>
        <source>“{name}” would be more accurate: {cost}</source>
        <translation>「{name}」ならより正確です。{cost}</translation>
    </message>
    <message>
        <source>a {megabytes} MB download; its speed here can be estimated once the speed of an installed model is measured (Measure speed).</source>
        <translation>ダウンロードは {megabytes} MB です。このコンピューターでの速度は、インストール済みのモデルの速度を測ると推定できます（「速度を測定」）。</translation>
    </message>
    <message>
        <source>a {megabytes} MB download, about {minutes} minutes of work per hour of audio here (measured).</source>
        <translation>ダウンロードは {megabytes} MB、このコンピューターでは音声1時間あたり約{minutes}分です（実測）。</translation>
    </message>
    <message>
        <source>a {megabytes} MB download, about {minutes} minutes of work per hour of audio here (estimated).</source>
        <translation>ダウンロードは {megabytes} MB、このコンピューターでは音声1時間あたり約{minutes}分です（推定）。</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English only</source>
        <translation>英語のみ</translation>
    </message>
    <message>
        <source>Japanese, English and 97 more</source>
        <translation>日本語・英語ほか97言語</translation>
    </message>
    <message>
        <source>JSUT {cer}%</source>
        <translation>JSUT {cer}%</translation>
    </message>
    <message>
        <source>CV8 {cer}%</source>
        <translation>CV8 {cer}%</translation>
    </message>
    <message>
        <source>conversation {cer}%</source>
        <translation>会話 {cer}%</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>公表値なし</translation>
    </message>
    <message>
        <source>{minutes} min per hour of audio (measured, {device})</source>
        <translation>音声1時間あたり{minutes}分（実測、{device}）</translation>
    </message>
    <message>
        <source>about {minutes} min per hour of audio (estimated)</source>
        <translation>音声1時間あたり約{minutes}分（推定）</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未測定</translation>
    </message>
    <message>
        <source>{megabytes} MB</source>
        <translation>{megabytes} MB</translation>
    </message>
    <message>
        <source>about {megabytes} MB</source>
        <translation>約 {megabytes} MB</translation>
    </message>
    <message>
        <source>“{name}” is not installed.</source>
        <translation>「{name}」はインストールされていません。</translation>
    </message>
    <message>
        <source>“{name}” understands only English; the speed is measured on Japanese speech, with multilingual models only.</source>
        <translation>「{name}」は英語専用です。速度は日本語の音声で測るため、対象は多言語モデルだけです。</translation>
    </message>
    <message>
        <source>The speed of “{name}” could not be measured: the calibration clip gave no text.</source>
        <translation>「{name}」の速度を測定できませんでした。測定用の音声から文字が得られませんでした。</translation>
    </message>
</context>
<context>
    <name>NoteHistoryDialog</name>
    <message>
        <source>current</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>template inserted</source>
        <translation>テンプレート挿入</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Notes history</source>
        <translation>メモの履歴</translation>
    </message>
    <message>
        <source>Every few minutes of writing is kept as a version. Restoring one keeps the current text as a version too, so nothing is lost.</source>
        <translation>数分ごとの書き込みが版として残ります。復元しても現在の内容は別の版として残るので、何も失われません。</translation>
    </message>
    <message>
        <source>These notes have no earlier versions yet.</source>
        <translation>このメモにはまだ以前の版がありません。</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>この版に戻す</translation>
    </message>
    <message>
        <source>{time} · {reason} · {count} characters</source>
        <translation>{time}・{reason}・{count}文字</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>That version of the notes no longer exists.</source>
        <translation>その版のメモはもう存在しません。</translation>
    </message>
</context>
<context>
    <name>NotesEditor</name>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>The selected interview&apos;s notes, saved as you type; Markdown</source>
        <translation>選択中の面接のメモ（入力すると保存、Markdown 対応）</translation>
    </message>
    <message>
        <source>What were you asked, what did you answer, what will you do differently? Markdown works: # headings, - lists.</source>
        <translation>何を聞かれ、どう答え、次は何を変えますか？ Markdown が使えます（# 見出し、- 箇条書き）。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Show the notes formatted; click a time to play from there.</source>
        <translation>メモを整形して表示します。時刻をクリックするとそこから再生します。</translation>
    </message>
    <message>
        <source>Insert time</source>
        <translation>時刻を挿入</translation>
    </message>
    <message>
        <source>Insert the current recording or playback time (Ctrl+T). Click a time in the notes to play from there.</source>
        <translation>録音中または再生中の現在位置を挿入します（Ctrl+T）。メモ内の時刻をクリックするとそこから再生します。</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>履歴…</translation>
    </message>
    <message>
        <source>Earlier versions of these notes; restore any of them.</source>
        <translation>このメモの以前の版です。どの版にも戻せます。</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>編集中…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <source>Not saved yet ({detail}); retrying.</source>
        <translation>まだ保存されていません（{detail}）。再試行します。</translation>
    </message>
    <message>
        <source>Nothing is recording or playing: there is no time to insert.</source>
        <translation>録音中・再生中のものがないため、挿入する時刻がありません。</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>In Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>Manage templates…</source>
        <translation>テンプレートを管理…</translation>
    </message>
    <message>
        <source>{time} left of your first five minutes.</source>
        <translation>最初の5分間の残り {time}。</translation>
    </message>
    <message>
        <source>Five minutes are up. Add more whenever something comes back to you.</source>
        <translation>5分が経ちました。思い出したことがあれば、いつでも書き足しましょう。</translation>
    </message>
    <message>
        <source>Restored an earlier version.</source>
        <translation>以前の版に戻しました。</translation>
    </message>
    <message>
        <source>Permission to record was declined. Write down what you remember now, while it is fresh: these notes are your record of the interview.</source>
        <translation>録音は断られました。記憶が新しいうちに、覚えていることを今すぐ書き留めましょう。このメモが面接の記録になります。</translation>
    </message>
</context>
<context>
    <name>NotificationToast</name>
    <message>
        <source>Follow-up due</source>
        <translation>やることの期限です</translation>
    </message>
    <message>
        <source>Hide this notice (the task stays open)</source>
        <translation>この通知を閉じる（やることは残ります）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>あとで通知</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>不要にする</translation>
    </message>
    <message>
        <source>Not needed: close the task without doing it</source>
        <translation>不要：実行せずに閉じます</translation>
    </message>
    <message>
        <source>Prepare message…</source>
        <translation>メッセージを作成…</translation>
    </message>
    <message>
        <source>Due {when}</source>
        <translation>期限：{when}</translation>
    </message>
    <message>
        <source>{count} more waiting</source>
        <translation>ほかに {count} 件</translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <source>Could not write {path}: {detail}</source>
        <translation>{path} に書き込めませんでした：{detail}</translation>
    </message>
    <message>
        <source>{path} is being read: choose another name for the output. Nothing was written.</source>
        <translation>{path} は読み込み中のファイルです。出力先には別の名前を指定してください。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>{path} is the same file as {input}, which is being read: choose another name for the output. Nothing was written.</source>
        <translation>{path} は読み込み中の {input} と同じファイルです。出力先には別の名前を指定してください。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>{path} is one of Furikaeri&apos;s own files: choose a name outside {folder}. Nothing was written.</source>
        <translation>{path} は Furikaeri が管理しているファイルです。{folder} の外にある名前を指定してください。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>{path} is a disk: Furikaeri writes files, never straight onto a disk. Nothing was written.</source>
        <translation>{path} はディスクです。Furikaeri はファイルに書き込むだけで、ディスクへ直接書き込むことはありません。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>{path} is a folder: give the name of a file to write. Nothing was written.</source>
        <translation>{path} はフォルダーです。書き込むファイルの名前を指定してください。何も書き込んでいません。</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Back up the library</source>
        <translation>ライブラリのバックアップ</translation>
    </message>
    <message>
        <source>The backup holds your interviews, notes, recordings and settings. It is encrypted with this passphrase: without it, nobody (you included) can restore it.</source>
        <translation>バックアップには面接・メモ・録音・設定が入ります。このパスフレーズで暗号化され、パスフレーズがなければ誰も（あなた自身も）復元できません。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>もう一度同じパスフレーズ</translation>
    </message>
    <message>
        <source>Do not encrypt (anyone who gets the file can read it)</source>
        <translation>暗号化しない（ファイルを手に入れた人は誰でも読めます）</translation>
    </message>
    <message>
        <source>Do not encrypt</source>
        <translation>暗号化しない</translation>
    </message>
    <message>
        <source>Passphrase problem</source>
        <translation>パスフレーズの問題</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>もう一度(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>バックアップ(&amp;B)</translation>
    </message>
    <message>
        <source>Not encrypted: keep the file somewhere only you can reach.</source>
        <translation>暗号化されません。自分だけが触れる場所にファイルを保管してください。</translation>
    </message>
    <message>
        <source>The two passphrases do not match yet.</source>
        <translation>2 つのパスフレーズがまだ一致しません。</translation>
    </message>
</context>
<context>
    <name>Practice</name>
    <message>
        <source>A question needs its text in Japanese or English.</source>
        <translation>質問文を日本語か英語で入力してください。</translation>
    </message>
    <message>
        <source>The target length must be between {low} and {high} seconds.</source>
        <translation>目標の長さは{low}秒から{high}秒の間で指定してください。</translation>
    </message>
    <message>
        <source>Built-in questions cannot be edited; add your own version.</source>
        <translation>標準の質問は編集できません。自分用の質問として追加してください。</translation>
    </message>
    <message>
        <source>This question no longer exists.</source>
        <translation>この質問はすでに削除されています。</translation>
    </message>
    <message>
        <source>Built-in questions cannot be deleted.</source>
        <translation>標準の質問は削除できません。</translation>
    </message>
    <message>
        <source>Select the question in your notes first.</source>
        <translation>先にメモの中で質問の部分を選択してください。</translation>
    </message>
    <message>
        <source>Give the list a name.</source>
        <translation>リストの名前を入力してください。</translation>
    </message>
    <message>
        <source>Choose at least one question for the list.</source>
        <translation>リストに入れる質問を1問以上選んでください。</translation>
    </message>
    <message>
        <source>Choose a saved list.</source>
        <translation>保存したリストを選んでください。</translation>
    </message>
    <message>
        <source>No question matches this choice. Choose other categories or tags.</source>
        <translation>条件に合う質問がありません。別のカテゴリやタグを選んでください。</translation>
    </message>
    <message>
        <source>This practice session no longer exists.</source>
        <translation>この練習セッションはもう存在しません。</translation>
    </message>
    <message>
        <source>Question {number}</source>
        <translation>質問{number}</translation>
    </message>
</context>
<context>
    <name>PracticeEntry</name>
    <message>
        <source>Added to your question bank.</source>
        <translation>質問バンクに追加しました。</translation>
    </message>
    <message>
        <source>&amp;Practice…</source>
        <translation>模擬面接の練習(&amp;P)…</translation>
    </message>
    <message>
        <source>Answer interview questions out loud and review your answers</source>
        <translation>面接の質問に声に出して答え、回答を振り返ります</translation>
    </message>
    <message>
        <source>Start practising</source>
        <translation>練習を始める</translation>
    </message>
    <message>
        <source>Practice review…</source>
        <translation>練習の振り返り…</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>模擬面接の練習</translation>
    </message>
</context>
<context>
    <name>PracticeWindow</name>
    <message>
        <source>Back to interviews</source>
        <translation>面接一覧に戻る</translation>
    </message>
    <message>
        <source>Back to the list of interviews; a practice recording is stopped and saved first ({key})</source>
        <translation>面接一覧に戻ります。練習の録音中なら、先に停止して保存します（{key}）</translation>
    </message>
    <message>
        <source>Choose other questions</source>
        <translation>別の質問を選ぶ</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>フォルダ</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>ドライブ</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Add a question</source>
        <translation>質問の追加</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <source>Target length</source>
        <translation>目標の長さ</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <source>Behavioural</source>
        <translation>経験を問う質問</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Answer with STAR (situation, task, action, result)</source>
        <translation>状況・課題・行動・結果（STAR）の順に答える</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>タグは読点かカンマで区切ります</translation>
    </message>
    <message>
        <source>The question in Japanese (optional if English is given)</source>
        <translation>日本語の質問文（英語を入力した場合は省略可）</translation>
    </message>
    <message>
        <source>The question in English (optional if Japanese is given)</source>
        <translation>英語の質問文（日本語を入力した場合は省略可）</translation>
    </message>
    <message>
        <source>Built-in questions cannot be changed, but you can tag them.</source>
        <translation>標準の質問は変更できませんが、タグは付けられます。</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <source>Finding their questions…</source>
        <translation>質問を探しています…</translation>
    </message>
    <message>
        <source>No questions were found in the interviewer&apos;s words.</source>
        <translation>面接官の発言に質問は見つかりませんでした。</translation>
    </message>
    <message>
        <source>Questions they asked</source>
        <translation>面接官からの質問</translation>
    </message>
    <message>
        <source>Questions they asked (Enter plays from the question)</source>
        <translation>面接官からの質問（Enterキーでその質問から再生）</translation>
    </message>
    <message>
        <source>Nobody&apos;s speech was recognised.</source>
        <translation>どちらの発話も認識されませんでした。</translation>
    </message>
    <message>
        <source>Talk time: you {mine} ({my_share}%), the interviewer {theirs} ({their_share}%).</source>
        <translation>話した時間：自分 {mine}（{my_share}%）、面接官 {theirs}（{their_share}%）。</translation>
    </message>
    <message>
        <source>in the bank</source>
        <translation>バンクに登録済み</translation>
    </message>
    <message>
        <source>At {time}: {question}</source>
        <translation>{time}：{question}</translation>
    </message>
    <message>
        <source>Already in your question bank</source>
        <translation>質問バンクに登録済み</translation>
    </message>
    <message>
        <source>Add to question bank</source>
        <translation>質問バンクに追加</translation>
    </message>
    <message>
        <source>You did not answer this question.</source>
        <translation>この質問には回答していません。</translation>
    </message>
    <message>
        <source>Your answer: {start}–{end} (target {target} s)</source>
        <translation>自分の回答：{start}〜{end}（目標 {target} 秒）</translation>
    </message>
    <message>
        <source>Added to your question bank.</source>
        <translation>質問バンクに追加しました。</translation>
    </message>
    <message>
        <source>Already in your question bank: not added again.</source>
        <translation>すでに質問バンクにあるため、重複して追加していません。</translation>
    </message>
</context>
<context>
    <name>Recorder</name>
    <message>
        <source>A file named {name} already exists, so recording did not start (it would be overwritten).</source>
        <translation>{name} という名前のファイルがすでにあるため、録音を開始しませんでした（上書きされてしまうため）。</translation>
    </message>
    <message>
        <source>The recording file {name} could not be created, so recording did not start: {detail}</source>
        <translation>録音ファイル {name} を作成できなかったため、録音を開始しませんでした：{detail}</translation>
    </message>
    <message>
        <source>The disk is full, so recording did not start and nothing was created. Free some space and try again.</source>
        <translation>ディスクがいっぱいのため、録音を開始しませんでした。何も作成していません。空き容量を作ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The recordings folder could not be written, so recording did not start: {detail}</source>
        <translation>録音フォルダーに書き込めなかったため、録音を開始しませんでした：{detail}</translation>
    </message>
    <message>
        <source>The sound system is not reachable, so recording did not start. Check that it is running and that the microphone is connected, then try again.</source>
        <translation>サウンドシステムに接続できないため、録音を開始しませんでした。サウンドシステムが動いていること、マイクが接続されていることを確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The microphone could not be opened; it may have been disconnected ({detail}).</source>
        <translation>マイクを開けませんでした。接続が外れた可能性があります（{detail}）。</translation>
    </message>
    <message>
        <source>The microphone “{device}” was not found. Connect it or choose another one.</source>
        <translation>マイク「{device}」が見つかりません。接続するか、別のマイクを選んでください。</translation>
    </message>
    <message>
        <source>The microphone cannot record at {rate} Hz, nor at its own usual rate.</source>
        <translation>このマイクは {rate} Hz でも、通常のサンプリングレートでも録音できません。</translation>
    </message>
    <message>
        <source>The microphone could not be opened: {detail}</source>
        <translation>マイクを開けませんでした：{detail}</translation>
    </message>
    <message>
        <source>The microphone or the sound system went away, so the recording stopped; everything up to that moment is saved.</source>
        <translation>マイクまたはサウンドシステムが切断されたため、録音が止まりました。それまでの録音はすべて保存されています。</translation>
    </message>
    <message>
        <source>The sound system sent no audio for {seconds} seconds, so the recording stopped; everything up to that moment is saved.</source>
        <translation>サウンドシステムから {seconds} 秒間音声が届かなかったため、録音が止まりました。それまでの録音はすべて保存されています。</translation>
    </message>
    <message>
        <source>The disk is full, so the recording stopped; everything up to that moment is saved. Free some space before recording again.</source>
        <translation>ディスクがいっぱいになったため、録音が止まりました。それまでの録音はすべて保存されています。次に録音する前に空き容量を確保してください。</translation>
    </message>
    <message>
        <source>The recording file reached the largest size allowed, so the recording stopped; everything up to that moment is saved.</source>
        <translation>録音ファイルが許容される最大サイズに達したため、録音が止まりました。それまでの録音はすべて保存されています。</translation>
    </message>
    <message>
        <source>The recording could not be written to disk ({detail}), so it stopped; everything saved until then is kept.</source>
        <translation>録音をディスクに書き込めなかったため（{detail}）、録音が止まりました。それまでに保存した分は残っています。</translation>
    </message>
    <message>
        <source>The recording stopped because of an unexpected error ({detail}); everything up to that moment is saved.</source>
        <translation>予期しないエラー（{detail}）で録音が止まりました。それまでの録音はすべて保存されています。</translation>
    </message>
    <message>
        <source>The sound system did not answer when the recording was stopped; everything captured until then is saved.</source>
        <translation>録音の停止時にサウンドシステムが応答しませんでした。それまでに取り込んだ音声はすべて保存されています。</translation>
    </message>
    <message>
        <source>Saving the recording is taking longer than expected; it continues in the background.</source>
        <translation>録音の保存に予想より時間がかかっています。バックグラウンドで続けています。</translation>
    </message>
    <message>
        <source>The recording is saved in {path}, but the library could not note that it ended: {reason} Furikaeri will bring the library up to date the next time it starts.</source>
        <translation>録音は {path} に保存されていますが、録音の終了をライブラリに記録できませんでした：{reason} 次回 Furikaeri を起動したときにライブラリを最新の状態にします。</translation>
    </message>
    <message>
        <source>The recording is saved in {path}, but the file beside it that carries its consent record could not be written ({detail}).</source>
        <translation>録音は {path} に保存されていますが、同意の記録を入れる隣のファイルを書き込めませんでした（{detail}）。</translation>
    </message>
    <message>
        <source>Furikaeri closed unexpectedly during this recording. Everything up to {minutes} min {seconds} s was saved.</source>
        <translation>この録音の途中で Furikaeri が予期せず終了しました。{minutes} 分 {seconds} 秒までの録音は保存されています。</translation>
    </message>
    <message>
        <source>Recovered 1 recording ({kept} kept) after an unexpected stop.</source>
        <translation>予期しない終了のあと、録音 1 件を復元しました（{kept} を保存）。</translation>
    </message>
    <message>
        <source>Recovered {count} recordings ({kept} kept) after an unexpected stop.</source>
        <translation>予期しない終了のあと、録音 {count} 件を復元しました（{kept} を保存）。</translation>
    </message>
    <message>
        <source>The audio file {path} belongs to no recording in the library; it was kept as it is.</source>
        <translation>音声ファイル {path} はライブラリのどの録音にも属していません。そのまま残してあります。</translation>
    </message>
    <message>
        <source>{count} audio files in {folder} belong to no recording in the library; they were kept as they are.</source>
        <translation>{folder} にある音声ファイル {count} 件は、ライブラリのどの録音にも属していません。そのまま残してあります。</translation>
    </message>
    <message>
        <source>The file {name} is not a WAV recording.</source>
        <translation>ファイル {name} は WAV 形式の録音ではありません。</translation>
    </message>
    <message>
        <source>The file {name} is empty: nothing was recorded into it.</source>
        <translation>ファイル {name} は空です。何も録音されていません。</translation>
    </message>
    <message>
        <source>The recording {name} is damaged and cannot be read ({detail}).</source>
        <translation>録音 {name} は破損していて読み込めません（{detail}）。</translation>
    </message>
    <message>
        <source>The recording {name} could not be opened: {detail}</source>
        <translation>録音 {name} を開けませんでした：{detail}</translation>
    </message>
    <message>
        <source>A real interview is recorded only with the interviewer&apos;s permission: ask them first.</source>
        <translation>本番の面接は、面接官の許可を得た場合にのみ録音します。先に許可を求めてください。</translation>
    </message>
</context>
<context>
    <name>Recording</name>
    <message>
        <source>The audio of recording {id} was deleted under your retention settings; its transcript is kept, but it cannot be transcribed or played again.</source>
        <translation>録音 {id} の音声は保存期間の設定により削除されました。文字起こしは残っていますが、文字起こしのやり直しや再生はできません。</translation>
    </message>
</context>
<context>
    <name>RecordingPanel</name>
    <message>
        <source>■ Not recording</source>
        <translation>■ 録音していません</translation>
    </message>
    <message>
        <source>● Recording</source>
        <translation>● 録音中</translation>
    </message>
    <message>
        <source>❚❚ Paused</source>
        <translation>❚❚ 一時停止中</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>録音…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Marker (Ctrl+M)</source>
        <translation>マーカー（Ctrl+M）</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>マイク</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>マイクの音量</translation>
    </message>
    <message>
        <source>The call</source>
        <translation>通話</translation>
    </message>
    <message>
        <source>Call sound level</source>
        <translation>通話の音量</translation>
    </message>
    <message>
        <source>Consent clip done</source>
        <translation>同意の録音完了</translation>
    </message>
    <message>
        <source>Now restate the request on the recording and let them answer:</source>
        <translation>録音上でもう一度お願いし、相手の返答を録音しましょう：</translation>
    </message>
</context>
<context>
    <name>RecordingsPage</name>
    <message>
        <source>Recordings of this interview</source>
        <translation>この面接の録音</translation>
    </message>
    <message>
        <source>Transcript…</source>
        <translation>文字起こし…</translation>
    </message>
    <message>
        <source>Import audio…</source>
        <translation>音声を取り込む…</translation>
    </message>
    <message>
        <source>Delete recording…</source>
        <translation>録音を削除…</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保存する</translation>
    </message>
    <message>
        <source>Never delete this recording automatically, whatever your retention settings say (Settings → Your data): for example as evidence</source>
        <translation>保存期間の設定(設定 → データの保存)にかかわらず、この録音を自動では削除しません。証拠として残す場合などに</translation>
    </message>
    <message>
        <source>Permission withdrawn…</source>
        <translation>許可の取り消し…</translation>
    </message>
    <message>
        <source>The interviewer withdrew permission: delete all recordings and transcripts of this interview</source>
        <translation>面接官が許可を取り消した：この面接の録音と書き起こしをすべて削除します</translation>
    </message>
    <message>
        <source>(kept)</source>
        <translation>(保存指定)</translation>
    </message>
    <message>
        <source>(audio deleted, transcript kept)</source>
        <translation>(音声は削除済み、文字起こしは保存)</translation>
    </message>
    <message>
        <source>No recordings of this interview yet.</source>
        <translation>この面接の録音はまだありません。</translation>
    </message>
</context>
<context>
    <name>Relocation</name>
    <message>
        <source>The library was moved to {path}, which cannot be found now (a drive not connected?). Connect it and start again.</source>
        <translation>ライブラリは {path} に移動されていますが、今は見つかりません(ドライブが接続されていない可能性があります)。接続してから起動し直してください。</translation>
    </message>
    <message>
        <source>The library holds a link ({name}), which Furikaeri did not make. Nothing was moved.</source>
        <translation>ライブラリに Furikaeri が作成していないリンク({name})があります。何も移動していません。</translation>
    </message>
    <message>
        <source>Give the new folder as a full path.</source>
        <translation>新しいフォルダーはフルパスで指定してください。</translation>
    </message>
    <message>
        <source>The new folder is the library&apos;s folder or inside it: choose a folder elsewhere.</source>
        <translation>新しいフォルダーがライブラリのフォルダー自体か、その中にあります。別の場所のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>The library&apos;s folder is inside the new folder: choose an empty folder of its own.</source>
        <translation>ライブラリのフォルダーが新しいフォルダーの中にあります。専用の空のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>The new folder is Furikaeri&apos;s settings or speech-model folder, inside one or around the settings: choose a folder elsewhere.</source>
        <translation>新しいフォルダーは Furikaeri の設定または音声モデルのフォルダーか、その中、あるいは設定のフォルダーを含むフォルダーです。別の場所のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>The new folder must be empty (or not exist yet): {path}</source>
        <translation>新しいフォルダーは空(またはまだ存在しないもの)である必要があります:{path}</translation>
    </message>
    <message>
        <source>Furikaeri may not write in {path}.</source>
        <translation>Furikaeri は {path} に書き込めません。</translation>
    </message>
    <message>
        <source>Not enough free space there: the library needs {needed} MB, {free} MB are free.</source>
        <translation>空き容量が足りません。ライブラリには {needed} MB 必要ですが、空きは {free} MB です。</translation>
    </message>
    <message>
        <source>Furikaeri may not write in {path} ({detail}). Nothing was moved.</source>
        <translation>Furikaeri は {path} に書き込めません({detail})。何も移動していません。</translation>
    </message>
    <message>
        <source>A recording is under way (or waits to be recovered at the next start): move the library when it has finished. Nothing was moved.</source>
        <translation>録音中です(または次回の起動時に復旧される録音があります)。終わってからライブラリを移動してください。何も移動していません。</translation>
    </message>
    <message>
        <source>The library is in use by another program (is Furikaeri open?). Nothing was moved.</source>
        <translation>ライブラリは別のプログラムで使用中です(Furikaeri が開いていませんか)。何も移動していません。</translation>
    </message>
    <message>
        <source>The copied database did not pass its integrity check ({detail}). Nothing was moved.</source>
        <translation>コピーしたデータベースが整合性チェックに合格しませんでした({detail})。何も移動していません。</translation>
    </message>
    <message>
        <source>The copy of {name} differs from the original. Nothing was moved.</source>
        <translation>{name} のコピーが元のファイルと一致しません。何も移動していません。</translation>
    </message>
    <message>
        <source>The consent records at the new place did not verify ({detail}). Nothing was moved.</source>
        <translation>新しい場所で同意の記録を検証できませんでした({detail})。何も移動していません。</translation>
    </message>
    <message>
        <source>The library could not be copied ({detail}). Nothing was moved.</source>
        <translation>ライブラリをコピーできませんでした({detail})。何も移動していません。</translation>
    </message>
</context>
<context>
    <name>RetentionController</name>
    <message>
        <source>{count} recording(s) deleted under your retention settings.</source>
        <translation>保存期間の設定により {count} 件の録音を削除しました。</translation>
    </message>
    <message>
        <source>{count} recording(s) will be deleted soon under your retention settings: see Upcoming to keep them.</source>
        <translation>保存期間の設定により {count} 件の録音がまもなく削除されます。残す場合は「今後の予定」をご覧ください。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Transcribe again</source>
        <translation>もう一度文字起こし</translation>
    </message>
    <message>
        <source>Your own review of this answer</source>
        <translation>この回答の自己評価</translation>
    </message>
    <message>
        <source>What went well? What will you say differently next time?</source>
        <translation>うまくいった点は？次はどう答えますか？</translation>
    </message>
    <message>
        <source>Your attempts at this question over time</source>
        <translation>この質問へのこれまでの回答の推移</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>This session has no recorded answers.</source>
        <translation>この練習には録音された回答がありません。</translation>
    </message>
    <message>
        <source>The audio of this session was deleted under your retention settings, before it was transcribed.</source>
        <translation>この練習の音声は、文字起こしの前に保存期間の設定により削除されました。</translation>
    </message>
    <message>
        <source>Finishing the transcript of your answers…</source>
        <translation>回答の文字起こしを仕上げています…</translation>
    </message>
    <message>
        <source>{number}. {question} ({length})</source>
        <translation>{number}. {question}（{length}）</translation>
    </message>
    <message>
        <source>Transcribing the session on this computer…</source>
        <translation>このパソコン上で練習の録音を文字起こししています…</translation>
    </message>
    <message>
        <source>Transcription cancelled. Your answers and recording are kept.</source>
        <translation>文字起こしを中止しました。回答と録音は保存されています。</translation>
    </message>
    <message>
        <source>Measuring each answer…</source>
        <translation>回答ごとに指標を計算しています…</translation>
    </message>
    <message>
        <source>{count} answers measured.</source>
        <translation>{count}件の回答の指標を計算しました。</translation>
    </message>
    <message>
        <source>{length} (target {target} s)</source>
        <translation>{length}（目標 {target}秒）</translation>
    </message>
    <message>
        <source>pause {seconds} s</source>
        <translation>間 {seconds}秒</translation>
    </message>
    <message>
        <source>No speech was recognised in this answer.</source>
        <translation>この回答では音声を認識できませんでした。</translation>
    </message>
    <message>
        <source>No transcript yet.</source>
        <translation>まだ文字起こしがありません。</translation>
    </message>
    <message>
        <source>Greyed text:</source>
        <translation>灰色の文字：</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Play this answer</source>
        <translation>この回答を再生</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Transcript {time}</source>
        <translation>書き起こし {time}</translation>
    </message>
    <message>
        <source>Notes, line {line}</source>
        <translation>メモ {line} 行目</translation>
    </message>
    <message>
        <source>Company and position</source>
        <translation>会社名・職種</translation>
    </message>
    <message>
        <source>Search notes, transcripts and companies (Ctrl+F)</source>
        <translation>メモ・書き起こし・会社名を検索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <source>Type of interview</source>
        <translation>面接の種類</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>Real and mock</source>
        <translation>本番・模擬すべて</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>すべての状況</translation>
    </message>
    <message>
        <source>No results for “{query}”.</source>
        <translation>「{query}」に一致する結果はありません。</translation>
    </message>
    <message>
        <source>The search failed: {detail}</source>
        <translation>検索できませんでした：{detail}</translation>
    </message>
</context>
<context>
    <name>SegmentModel</name>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>発言</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>話者</translation>
    </message>
    <message>
        <source>Double-click or press F2 to rename {name} in this recording.</source>
        <translation>ダブルクリックするか F2 キーを押すと、この録音での「{name}」の名前を変更できます。</translation>
    </message>
    <message>
        <source>Original: {text}</source>
        <translation>修正前：{text}</translation>
    </message>
</context>
<context>
    <name>SeparateAgain</name>
    <message>
        <source>Tell the voices apart again…</source>
        <translation>声を聞き分け直す…</translation>
    </message>
    <message>
        <source>Tell the voices apart again, with another number of voices</source>
        <translation>声の数を変えて、声を聞き分け直す</translation>
    </message>
    <message>
        <source>Find who spoke when again, without transcribing again</source>
        <translation>文字起こしをやり直さずに、誰がいつ話したかを調べ直します</translation>
    </message>
    <message>
        <source>Telling the voices apart on this computer…</source>
        <translation>このコンピューターで声を聞き分けています…</translation>
    </message>
    <message>
        <source>Cancelled: the transcript is unchanged.</source>
        <translation>キャンセルしました。文字起こしは変更されていません。</translation>
    </message>
</context>
<context>
    <name>Separation</name>
    <message>
        <source>A practice recording holds your voice alone: there are no voices to tell apart.</source>
        <translation>練習の録音にはご自身の声しか入っていないため、聞き分ける声がありません。</translation>
    </message>
    <message>
        <source>This recording has the call&apos;s sound on a track of its own, which already says who spoke: there are no voices to tell apart on one microphone.</source>
        <translation>この録音には通話の音声が別のトラックに入っていて、誰が話したかはすでに分かっています。1本のマイクで聞き分ける声はありません。</translation>
    </message>
    <message>
        <source>The audio of this recording was deleted under your retention settings.</source>
        <translation>この録音の音声は保存期間の設定により削除されました。</translation>
    </message>
    <message>
        <source>This recording has no transcript yet: transcribe it first.</source>
        <translation>この録音にはまだ文字起こしがありません。先に文字起こしをしてください。</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>Stop and review</source>
        <translation>終了して振り返る</translation>
    </message>
    <message>
        <source>❚❚ Paused</source>
        <translation>❚❚ 一時停止中</translation>
    </message>
    <message>
        <source>● Recording</source>
        <translation>● 録音中</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>準備中…</translation>
    </message>
    <message>
        <source>Starting the microphone…</source>
        <translation>マイクを準備しています…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>マイクの音量</translation>
    </message>
    <message>
        <source>How loud the microphone hears you; speak so that it moves.</source>
        <translation>マイクが拾っているあなたの声の大きさです。話すとバーが動きます。</translation>
    </message>
    <message>
        <source>Recording starts in {seconds} s</source>
        <translation>あと{seconds}秒で録音を始めます</translation>
    </message>
    <message>
        <source>The practice could not start.</source>
        <translation>練習を始められませんでした。</translation>
    </message>
    <message>
        <source>Tip: {tip}</source>
        <translation>ポイント：{tip}</translation>
    </message>
    <message>
        <source> · answer with STAR (situation, task, action, result)</source>
        <translation>・状況・課題・行動・結果（STAR）の順に答えましょう</translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation>{total}問中 {number}問目</translation>
    </message>
    <message>
        <source>Aim for about {target} s.</source>
        <translation>目安は約{target}秒です。</translation>
    </message>
    <message>
        <source>Aim for about {target} s. After {limit} s the next question comes by itself.</source>
        <translation>目安は約{target}秒です。{limit}秒たつと自動で次の質問に進みます。</translation>
    </message>
    <message>
        <source>Aim for about {target} s. No time limit: press Next when you have finished.</source>
        <translation>目安は約{target}秒です。時間制限はありません。答え終わったら「次の質問へ」を押してください。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>今すぐ始める</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>次の質問へ</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>全般(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Transcription</source>
        <translation>文字起こし(&amp;T)</translation>
    </message>
    <message>
        <source>Your &amp;voice</source>
        <translation>あなたの声(&amp;V)</translation>
    </message>
    <message>
        <source>Your &amp;data</source>
        <translation>データの保存(&amp;D)</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>設定のページ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <source>Your name in Japanese mails</source>
        <translation>日本語のメールでの名前</translation>
    </message>
    <message>
        <source>Your name in English mails</source>
        <translation>英語のメールでの名前</translation>
    </message>
    <message>
        <source>e.g. 山田 太郎</source>
        <translation>例：山田 太郎</translation>
    </message>
    <message>
        <source>e.g. Taro Yamada</source>
        <translation>例：Taro Yamada</translation>
    </message>
    <message>
        <source>Transcribe while recording</source>
        <translation>録音しながら文字起こしする</translation>
    </message>
    <message>
        <source>The transcript is then ready a few seconds after you stop. On a slow computer, turn this off for a real interview: the recording is transcribed after it stops instead.</source>
        <translation>停止して数秒後には文字起こしができあがります。動作の遅いパソコンでは、本番の面接のときはオフにしてください。録音を停止してから文字起こしします。</translation>
    </message>
    <message>
        <source>Open the transcript of each recording when it stops</source>
        <translation>録音を停止したら、その文字起こしを開く</translation>
    </message>
    <message>
        <source>Start every export with a line saying it is private</source>
        <translation>書き出すファイルの先頭に「非公開」の注意書きを入れる</translation>
    </message>
    <message>
        <source>Speech model</source>
        <translation>音声認識モデル</translation>
    </message>
    <message>
        <source>Your own words</source>
        <translation>自分の用語</translation>
    </message>
    <message>
        <source>Names the speech model should hear right, one a line: your university, club, products, skills. The company, position and interviewers of each interview are added by themselves.</source>
        <translation>音声認識に正しく聞き取ってほしい名前を1行に1つ書いてください（大学、サークル・部活、製品、スキルなど）。各面接の会社名・職種・面接官は自動で加わります。</translation>
    </message>
    <message>
        <source>Your own words for the speech model</source>
        <translation>音声認識に伝える自分の用語</translation>
    </message>
    <message>
        <source>e.g. your university
your club
a product you worked on</source>
        <translation>例：〇〇大学
軽音楽部
担当した製品名</translation>
    </message>
    <message>
        <source>Delete the recordings of real interviews</source>
        <translation>本番面接の録音を削除する時期</translation>
    </message>
    <message>
        <source>Never (keep it)</source>
        <translation>削除しない(保存する)</translation>
    </message>
    <message>
        <source>{days} days after the final result</source>
        <translation>最終結果から {days} 日後</translation>
    </message>
    <message>
        <source>The final result is an offer, a rejection, declining, a cancellation or not attending, counted from the day the status changed. Each recording is announced in Upcoming {days} days before it goes, and never deleted before that notice was shown. A recording marked &quot;Keep&quot; in the Recordings tab is never deleted automatically. Deleted as &quot;Delete recording&quot; does: its audio, call track and transcripts; the consent records keep that it was deleted, and when.</source>
        <translation>最終結果とは内定、不採用、辞退、中止、欠席のことで、状況を変更した日から数えます。各録音は削除の {days} 日前に「今後の予定」でお知らせし、お知らせを表示する前に削除することはありません。録音タブで「保存する」にチェックした録音は自動では削除されません。削除は「録音を削除」と同じく、音声、通話トラック、文字起こしが対象です。同意の記録には、削除したこととその日時が残ります。</translation>
    </message>
    <message>
        <source>Delete the audio of practice recordings</source>
        <translation>練習の録音の音声を削除する時期</translation>
    </message>
    <message>
        <source>{days} days after recording</source>
        <translation>録音から {days} 日後</translation>
    </message>
    <message>
        <source>Only the audio goes: the transcript, your answers, self-reviews and metrics stay, so your progress charts keep every session. Announced in Upcoming {days} days before, as above.</source>
        <translation>削除されるのは音声だけです。文字起こし、回答、振り返りのメモ、指標は残るため、上達のグラフにはすべての練習が表示されます。上と同じく、{days} 日前に「今後の予定」でお知らせします。</translation>
    </message>
    <message>
        <source>The library (database and recordings) is in {path}</source>
        <translation>ライブラリ(データベースと録音)の場所:{path}</translation>
    </message>
    <message>
        <source>Move library…</source>
        <translation>ライブラリを移動…</translation>
    </message>
    <message>
        <source>Choose an empty folder: at the next start the library is copied there, checked file by file, and only then is the old folder removed</source>
        <translation>空のフォルダーを選んでください。次回の起動時にライブラリをそこへコピーし、ファイルごとに確認してから古いフォルダーを削除します</translation>
    </message>
    <message>
        <source>Do not move</source>
        <translation>移動しない</translation>
    </message>
    <message>
        <source>An empty folder for the library</source>
        <translation>ライブラリ用の空のフォルダー</translation>
    </message>
    <message>
        <source>The library moves to {path} the next time Furikaeri starts: quit Furikaeri and start it again.</source>
        <translation>次回の起動時にライブラリを {path} へ移動します。Furikaeri を終了して、もう一度起動してください。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Main window</source>
        <translation>メインウィンドウ</translation>
    </message>
    <message>
        <source>While recording (main window)</source>
        <translation>録音中（メインウィンドウ）</translation>
    </message>
    <message>
        <source>While practising (main window)</source>
        <translation>練習中（メインウィンドウ）</translation>
    </message>
    <message>
        <source>Transcript window</source>
        <translation>文字起こしウィンドウ</translation>
    </message>
    <message>
        <source>New interview</source>
        <translation>面接の追加</translation>
    </message>
    <message>
        <source>Edit the selected interview (in the list)</source>
        <translation>選んだ面接を編集（一覧で）</translation>
    </message>
    <message>
        <source>Delete the selected interview</source>
        <translation>選んだ面接を削除</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>すべてを検索</translation>
    </message>
    <message>
        <source>Practise answering questions</source>
        <translation>質問に答える練習</translation>
    </message>
    <message>
        <source>What is coming up</source>
        <translation>今後の予定</translation>
    </message>
    <message>
        <source>Insert the current time into the notes</source>
        <translation>現在の時刻をメモに挿入</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Start recording (the interviewer&apos;s permission is asked first)</source>
        <translation>録音を開始（先に面接官の許可を確認します）</translation>
    </message>
    <message>
        <source>Pause or resume the recording</source>
        <translation>録音の一時停止・再開</translation>
    </message>
    <message>
        <source>Stop and save the recording</source>
        <translation>録音を停止して保存</translation>
    </message>
    <message>
        <source>Mark this moment of the recording</source>
        <translation>録音のこの時点に印を付ける</translation>
    </message>
    <message>
        <source>Back to the interviews (a practice recording is stopped and saved first)</source>
        <translation>面接一覧に戻る（練習の録音中なら、先に停止して保存）</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>再生・一時停止</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>5秒戻る</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>5秒進む</translation>
    </message>
    <message>
        <source>Previous segment</source>
        <translation>前の区間</translation>
    </message>
    <message>
        <source>Next segment</source>
        <translation>次の区間</translation>
    </message>
    <message>
        <source>Find in the transcript</source>
        <translation>文字起こし内を検索</translation>
    </message>
    <message>
        <source>Put a link to this moment into the notes</source>
        <translation>この時点へのリンクをメモに入れる</translation>
    </message>
</context>
<context>
    <name>Snooze</name>
    <message>
        <source>Today {time}</source>
        <translation>今日 {time}</translation>
    </message>
    <message>
        <source>Tomorrow {time}</source>
        <translation>明日 {time}</translation>
    </message>
    <message>
        <source>Choose a time…</source>
        <translation>日時を指定…</translation>
    </message>
    <message>
        <source>Remind me again</source>
        <translation>再通知の日時</translation>
    </message>
    <message>
        <source>Remind me at:</source>
        <translation>次に通知する日時：</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>Right after the interview</source>
        <translation>面接直後の振り返り</translation>
    </message>
    <message>
        <source>Recording declined: quick capture</source>
        <translation>録音なし：すぐに書き残す</translation>
    </message>
    <message>
        <source>Mock interview self-review</source>
        <translation>模擬面接の自己レビュー</translation>
    </message>
    <message>
        <source>Please give the template a name.</source>
        <translation>テンプレートの名前を入力してください。</translation>
    </message>
    <message>
        <source>The template is empty.</source>
        <translation>テンプレートが空です。</translation>
    </message>
    <message>
        <source>That template no longer exists.</source>
        <translation>そのテンプレートはもう存在しません。</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Note templates</source>
        <translation>メモのテンプレート</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>These words in braces are filled in when the template is inserted: {names}</source>
        <translation>波かっこで囲んだ次の語は、挿入時に自動で埋められます：{names}</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新しいテンプレート</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Back to the original</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>{name} (edited)</source>
        <translation>{name}（編集済み）</translation>
    </message>
    <message>
        <source>My template</source>
        <translation>マイテンプレート</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Added to the tracker</source>
        <translation>トラッカーに追加</translation>
    </message>
    <message>
        <source>Scheduled for {when}</source>
        <translation>{when}に日程が決定</translation>
    </message>
    <message>
        <source>Moved from {before} to {when}</source>
        <translation>日程を{before}から{when}に変更</translation>
    </message>
    <message>
        <source>Date removed (was {before})</source>
        <translation>日程を未定に戻す（元は{before}）</translation>
    </message>
    <message>
        <source>Follow-up done</source>
        <translation>フォローアップを完了</translation>
    </message>
    <message>
        <source>Follow-up dismissed</source>
        <translation>フォローアップを見送り</translation>
    </message>
    <message>
        <source>Missed a call from the company at {when}</source>
        <translation>{when}に企業からの着信に出られなかった</translation>
    </message>
    <message>
        <source>Heard from the company: {note}</source>
        <translation>企業から連絡あり：{note}</translation>
    </message>
    <message>
        <source>Message prepared</source>
        <translation>文面を作成</translation>
    </message>
    <message>
        <source>Message sent</source>
        <translation>文面を送信</translation>
    </message>
    <message>
        <source>Recording did not start: {reason}</source>
        <translation>録音を開始できませんでした：{reason}</translation>
    </message>
    <message>
        <source>Status: scheduled again</source>
        <translation>状態を「予定」に戻す</translation>
    </message>
    <message>
        <source>Interview held</source>
        <translation>面接を受けた</translation>
    </message>
    <message>
        <source>Waiting for the result</source>
        <translation>結果待ち</translation>
    </message>
    <message>
        <source>Passed this stage</source>
        <translation>この選考を通過</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>不採用</translation>
    </message>
    <message>
        <source>Offer received</source>
        <translation>内定の連絡</translation>
    </message>
    <message>
        <source>Declined by me</source>
        <translation>辞退した</translation>
    </message>
    <message>
        <source>Interview cancelled</source>
        <translation>面接をキャンセル</translation>
    </message>
    <message>
        <source>Did not attend</source>
        <translation>欠席した</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Nothing recorded for this company yet: saving interviews, status changes, finished follow-ups and prepared messages appear here.</source>
        <translation>この会社の記録はまだありません。面接の保存、状況の変更、完了したやること、作成したメッセージがここに表示されます。</translation>
    </message>
    <message>
        <source>{event}: {detail}</source>
        <translation>{event}：{detail}</translation>
    </message>
</context>
<context>
    <name>TrackerController</name>
    <message>
        <source>Follow-up due</source>
        <translation>やることの期限です</translation>
    </message>
    <message>
        <source>F&amp;ollow-ups</source>
        <translation>フォローアップ(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Upcoming…</source>
        <translation>今後の予定(&amp;U)…</translation>
    </message>
    <message>
        <source>Interviews and follow-ups in time order (Ctrl+U)</source>
        <translation>面接とやることを時間順に表示（Ctrl+U）</translation>
    </message>
    <message>
        <source>&amp;Prepare message…</source>
        <translation>メッセージを作成(&amp;P)…</translation>
    </message>
    <message>
        <source>I &amp;missed their call…</source>
        <translation>電話に出られなかった(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Cancel or decline…</source>
        <translation>キャンセル・辞退(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>TranscriptExport</name>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>テキスト (*.txt)</translation>
    </message>
    <message>
        <source>Subtitles (*.srt)</source>
        <translation>字幕 (*.srt)</translation>
    </message>
    <message>
        <source>WebVTT subtitles (*.vtt)</source>
        <translation>WebVTT 字幕 (*.vtt)</translation>
    </message>
    <message>
        <source>Markdown with notes (*.md)</source>
        <translation>メモ付き Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON, everything (*.json)</source>
        <translation>JSON（すべての情報） (*.json)</translation>
    </message>
    <message>
        <source>Export transcript</source>
        <translation>文字起こしの書き出し</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>{path} に書き出しました</translation>
    </message>
</context>
<context>
    <name>TranscriptPreview</name>
    <message>
        <source>Select a recording to read its transcript here.</source>
        <translation>録音を選ぶと、ここに書き起こしが表示されます。</translation>
    </message>
    <message>
        <source>No transcript of this recording yet: Transcript… makes one.</source>
        <translation>この録音の書き起こしはまだありません。「文字起こし…」で作成できます。</translation>
    </message>
    <message>
        <source>Transcript of the selected recording</source>
        <translation>選んだ録音の書き起こし</translation>
    </message>
</context>
<context>
    <name>TranscriptWindow</name>
    <message>
        <source>Transcript — {when}</source>
        <translation>文字起こし — {when}</translation>
    </message>
    <message>
        <source>Recording of {when} ({length})</source>
        <translation>{when} の録音（{length}）</translation>
    </message>
    <message>
        <source>its audio was deleted under your retention settings; the transcript stays</source>
        <translation>音声は保存期間の設定により削除されました。文字起こしは残っています</translation>
    </message>
    <message>
        <source>−5 s</source>
        <translation>−5 秒</translation>
    </message>
    <message>
        <source>+5 s</source>
        <translation>+5 秒</translation>
    </message>
    <message>
        <source>Transcribe</source>
        <translation>文字起こし</translation>
    </message>
    <message>
        <source>Transcribe again</source>
        <translation>もう一度文字起こし</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Find in transcript (Ctrl+F)</source>
        <translation>文字起こし内を検索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Find in transcript</source>
        <translation>書き起こし内を検索</translation>
    </message>
    <message>
        <source>Segments: time, speaker and text</source>
        <translation>区間（時刻・話者・テキスト）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <source>Their questions</source>
        <translation>面接官の質問</translation>
    </message>
    <message>
        <source>My answers</source>
        <translation>自分の回答</translation>
    </message>
    <message>
        <source>Show the segments of</source>
        <translation>表示する話者</translation>
    </message>
    <message>
        <source>Language: detect</source>
        <translation>言語：自動判定</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Finishing the transcript…</source>
        <translation>文字起こしを仕上げています…</translation>
    </message>
    <message>
        <source>No transcript yet.</source>
        <translation>まだ文字起こしはありません。</translation>
    </message>
    <message>
        <source>{count} segments, language: {language}</source>
        <translation>{count} 区間、言語：{language}</translation>
    </message>
    <message>
        <source>Waiting: the recording being made is transcribed first. This transcription starts when that recording stops.</source>
        <translation>待機中：録音中の音声を先に文字起こししています。その録音を停止すると、この文字起こしが始まります。</translation>
    </message>
    <message>
        <source>Transcribing on this computer…</source>
        <translation>このパソコン上で文字起こし中…</translation>
    </message>
    <message>
        <source>Transcription cancelled.</source>
        <translation>文字起こしをキャンセルしました。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Playback is not possible: {detail}</source>
        <translation>再生できません：{detail}</translation>
    </message>
    <message>
        <source>“{text}” is not in this transcript.</source>
        <translation>「{text}」はこの文字起こしにありません。</translation>
    </message>
</context>
<context>
    <name>Transcription</name>
    <message>
        <source>The file {file} does not exist.</source>
        <translation>ファイル {file} がありません。</translation>
    </message>
    <message>
        <source>{file} is a folder, not an audio file.</source>
        <translation>{file} はフォルダーです。音声ファイルではありません。</translation>
    </message>
    <message>
        <source>The file {file} is empty (0 bytes): there is nothing to transcribe.</source>
        <translation>ファイル {file} は空（0 バイト）です。文字起こしする内容がありません。</translation>
    </message>
    <message>
        <source>The file {file} cannot be read: {error}.</source>
        <translation>ファイル {file} を読み込めません：{error}。</translation>
    </message>
    <message>
        <source>The file {file} is not an audio file Furikaeri can read, or it is damaged. Use WAV, FLAC, MP3, M4A, Ogg or WebM.</source>
        <translation>ファイル {file} は Furikaeri で読み込める音声ファイルではないか、破損しています。WAV、FLAC、MP3、M4A、Ogg、WebM を使ってください。</translation>
    </message>
    <message>
        <source>The file {file} is damaged: no sound could be read from it.</source>
        <translation>ファイル {file} は破損していて、音声を読み取れませんでした。</translation>
    </message>
    <message>
        <source>The recording {file} is too short to transcribe ({seconds} s; at least {minimum} s is needed).</source>
        <translation>録音 {file} は短すぎて文字起こしできません（{seconds} 秒。少なくとも {minimum} 秒必要です）。</translation>
    </message>
    <message>
        <source>The file {file} contains no sound track.</source>
        <translation>ファイル {file} には音声トラックがありません。</translation>
    </message>
    <message>
        <source>Only {decoded} s of {file} could be read (the file says {declared} s): it seems damaged or cut short. The readable part was transcribed.</source>
        <translation>{file} は {decoded} 秒分しか読み込めませんでした（ファイル上は {declared} 秒）。破損しているか途中で切れているようです。読み込めた部分を文字起こししました。</translation>
    </message>
    <message>
        <source>Transcription cancelled.</source>
        <translation>文字起こしをキャンセルしました。</translation>
    </message>
    <message>
        <source>Speech recognition failed: {error}</source>
        <translation>音声認識に失敗しました：{error}</translation>
    </message>
    <message>
        <source>The speech model “{model}” understands only English. Choose a multilingual model (such as base) for speech in other languages.</source>
        <translation>音声認識モデル「{model}」は英語にしか対応していません。ほかの言語の音声には多言語モデル（base など）を選んでください。</translation>
    </message>
    <message>
        <source>The speech recognition process stopped unexpectedly ({reason}) while transcribing {file}. Try again; if it happens again, the computer may be short of memory: close other programs or choose a smaller speech model.</source>
        <translation>{file} の文字起こし中に音声認識の処理が予期せず止まりました（{reason}）。もう一度お試しください。繰り返す場合はメモリ不足の可能性があります。ほかのプログラムを閉じるか、小さい音声認識モデルを選んでください。</translation>
    </message>
    <message>
        <source>The audio seems to be mostly noise: transcription stopped early after {seconds} s of work. The text may be incomplete.</source>
        <translation>音声のほとんどが雑音のようです。{seconds} 秒処理した時点で文字起こしを打ち切りました。文章が不完全な場合があります。</translation>
    </message>
    <message>
        <source>No speech was found in {file}.</source>
        <translation>{file} には発話が見つかりませんでした。</translation>
    </message>
    <message>
        <source>No clear speech was found in {file}: the text there is probably invented by the speech model, and is greyed.</source>
        <translation>{file} にははっきりした発話が見つかりませんでした。書き出された文字は音声認識が作り出したものと思われるため、灰色で表示しています。</translation>
    </message>
    <message>
        <source>No voices were found in {file}: the transcript is unchanged.</source>
        <translation>{file} に声が見つかりませんでした。文字起こしは変更していません。</translation>
    </message>
    <message>
        <source>The speech model wrote this over silence.</source>
        <translation>無音の部分に音声認識が書き出した文字です。</translation>
    </message>
    <message>
        <source>A phrase the speech model often invents (such as “Thanks for watching”).</source>
        <translation>音声認識がよく作り出す決まり文句です（「ご視聴ありがとうございました」など）。</translation>
    </message>
    <message>
        <source>The same words again and again, as the speech model writes when it is stuck.</source>
        <translation>同じ言葉の繰り返しです。音声認識が行き詰まったときに書き出すものです。</translation>
    </message>
    <message>
        <source>A very short piece of text over audio far quieter than the speech.</source>
        <translation>話し声よりはるかに小さな音の部分に書き出された、ごく短い文字です。</translation>
    </message>
    <message>
        <source>More words than anyone can say in so short a time: the speech model wrote them, it did not hear them.</source>
        <translation>これほど短い時間では話しきれない量の文字です。音声認識モデルが聞き取ったのではなく、書き足したものです。</translation>
    </message>
    <message>
        <source>The detected language is neither Japanese nor English: probably noise, not speech.</source>
        <translation>検出された言語が日本語でも英語でもありません。話し声ではなく雑音と思われます。</translation>
    </message>
    <message>
        <source>The speech model was unsure of this text.</source>
        <translation>音声認識がこの文字に自信を持てませんでした。</translation>
    </message>
    <message>
        <source>Probably not said: greyed and left out of every measure.</source>
        <translation>実際には話されていないと思われます。灰色で表示し、どの測定値にも含めていません。</translation>
    </message>
    <message>
        <source>The voices could not be told apart ({error}); the transcript is kept without speakers.</source>
        <translation>声を話者ごとに分けられませんでした（{error}）。文字起こしは話者なしで保存されています。</translation>
    </message>
    <message>
        <source>The voices could not be told apart ({error}); the transcript is unchanged.</source>
        <translation>声を聞き分けられませんでした（{error}）。文字起こしは変更していません。</translation>
    </message>
    <message>
        <source>The file {file} is not a recording in progress this app can follow.</source>
        <translation>ファイル {file} は、このアプリが追いかけられる録音中のファイルではありません。</translation>
    </message>
    <message>
        <source>Could not read {file}: {error}</source>
        <translation>{file} を読み込めませんでした: {error}</translation>
    </message>
</context>
<context>
    <name>TranscriptsController</name>
    <message>
        <source>Playback is possible once the recording has stopped.</source>
        <translation>録音を停止すると再生できます。</translation>
    </message>
    <message>
        <source>This interview has no recording to play yet.</source>
        <translation>この面接には再生できる録音がまだありません。</translation>
    </message>
    <message>
        <source>Select this recording&apos;s interview in the library to add times to its notes.</source>
        <translation>時刻をメモに追加するには、ライブラリでこの録音の面接を選んでください。</translation>
    </message>
    <message>
        <source>Time added to the notes.</source>
        <translation>メモに時刻を追加しました。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>バックアップの復元</translation>
    </message>
    <message>
        <source>Type the passphrase this backup was made with. Nothing is changed until the backup has been checked.</source>
        <translation>このバックアップを作ったときのパスフレーズを入力してください。バックアップを確認するまで、何も変更しません。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Upcoming</name>
    <message>
        <source>Overdue</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>今週</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>それ以降</translation>
    </message>
</context>
<context>
    <name>UpcomingView</name>
    <message>
        <source>The audio of the practice recording of {started} will be deleted on {date} under your retention settings; its transcript and metrics stay. Keep it?</source>
        <translation>{started} の練習の録音の音声は、保存期間の設定により {date} に削除されます(文字起こしと指標は残ります)。残しますか?</translation>
    </message>
    <message>
        <source>The recording of {started} will be deleted on {date} under your retention settings. Keep it?</source>
        <translation>{started} の録音は、保存期間の設定により {date} に削除されます。残しますか?</translation>
    </message>
    <message>
        <source>Interview ({stage})</source>
        <translation>面接（{stage}）</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>面接</translation>
    </message>
    <message>
        <source>Upcoming — Furikaeri</source>
        <translation>今後の予定 — Furikaeri</translation>
    </message>
    <message>
        <source>Interviews and follow-ups in time order. Nothing here is sent by itself: you decide, the app reminds you.</source>
        <translation>面接とやることを時間順に並べています。自動で送信されるものはありません。決めるのはあなた、アプリはお知らせするだけです。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社</translation>
    </message>
    <message>
        <source>Nothing coming up. Scheduled interviews appear here, and so do follow-ups: mark an interview as done and its thank-you mail is planned for you.</source>
        <translation>予定はありません。日程の決まった面接と、やることがここに表示されます。面接を「実施済み」にすると、お礼メールの予定が自動で入ります。</translation>
    </message>
    <message>
        <source>Prepare message…</source>
        <translation>メッセージを作成…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>あとで通知</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>不要にする</translation>
    </message>
    <message>
        <source>Not needed: close the task without doing it</source>
        <translation>不要：実行せずに閉じます</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>つながらなかった</translation>
    </message>
    <message>
        <source>Nobody answered: remind me to try once more later (after two tries, a mail is suggested)</source>
        <translation>つながらなかった：あとでもう一度かけるよう通知します（2回つながらなければメールをおすすめします）</translation>
    </message>
    <message>
        <source>I missed their call…</source>
        <translation>電話に出られなかった…</translation>
    </message>
    <message>
        <source>Cancel or decline…</source>
        <translation>キャンセル・辞退…</translation>
    </message>
    <message>
        <source>Keep recording</source>
        <translation>録音を残す</translation>
    </message>
    <message>
        <source>Never delete this recording automatically</source>
        <translation>この録音を自動では削除しない</translation>
    </message>
</context>
<context>
    <name>VoiceBar</name>
    <message>
        <source>Which voice is yours? This recording has {count} voices on one microphone. Listen to each, then choose yours: their questions and your answers are then told apart.</source>
        <translation>どれがご自身の声ですか？この録音には1本のマイクで{count}人の声が入っています。それぞれを聞いてご自身の声を選ぶと、面接官の質問とご自身の回答を区別できます。</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Play a few seconds of {voice}</source>
        <translation>{voice}の声を数秒再生</translation>
    </message>
    <message>
        <source>This is me</source>
        <translation>これが自分です</translation>
    </message>
    <message>
        <source>{voice} is my voice</source>
        <translation>{voice}が自分の声</translation>
    </message>
</context>
<context>
    <name>VoiceProfile</name>
    <message>
        <source>Your practice recordings hold {seconds} s of speech; a voice profile needs at least {needed} s. Record a few more practice answers first.</source>
        <translation>練習の録音に含まれる声は {seconds} 秒分です。声のプロフィールには少なくとも {needed} 秒分が必要です。先に練習の回答をいくつか録音してください。</translation>
    </message>
    <message>
        <source>Your voice profile ({path}) cannot be read: {reason}. Delete it and create it again.</source>
        <translation>声のプロフィール（{path}）を読み込めません：{reason}。削除してから作り直してください。</translation>
    </message>
    <message>
        <source>There are no practice recordings of you alone yet: record a few practice answers first.</source>
        <translation>ひとりで録った練習の録音がまだありません。先に練習の回答をいくつか録音してください。</translation>
    </message>
</context>
<context>
    <name>VoiceProfileBox</name>
    <message>
        <source>Making your voice profile from your practice recordings…</source>
        <translation>練習の録音から声のプロフィールを作っています…</translation>
    </message>
    <message>
        <source>Your voice profile was made. It stays on this computer.</source>
        <translation>声のプロフィールを作りました。このコンピューターの外には出ません。</translation>
    </message>
    <message>
        <source>Your voice profile could not be made: {reason}</source>
        <translation>声のプロフィールを作れませんでした：{reason}</translation>
    </message>
    <message>
        <source>Delete your voice profile</source>
        <translation>声のプロフィールの削除</translation>
    </message>
    <message>
        <source>Delete your voice profile from this computer? Your turns in recordings made in a room will no longer be marked as yours automatically. You can make it again at any time.</source>
        <translation>このコンピューターから声のプロフィールを削除しますか？対面の面接を録音したとき、あなたの発言が自動的には見分けられなくなります。プロフィールはいつでも作り直せます。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除する</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>残す</translation>
    </message>
    <message>
        <source>Your voice profile was deleted.</source>
        <translation>声のプロフィールを削除しました。</translation>
    </message>
    <message>
        <source>Your voice</source>
        <translation>あなたの声</translation>
    </message>
    <message>
        <source>The profile is made only from your practice recordings made alone (your voice, with your consent); it stays on this computer and can be deleted at any time.</source>
        <translation>プロフィールは、ひとりで録った練習の録音（ご本人の同意のもとで録った、あなた自身の声）だけから作ります。このコンピューターの外には出ず、いつでも削除できます。</translation>
    </message>
    <message>
        <source>Interviewers&apos; voices are never kept: their voice features are computed only inside the analysis of one recording and written nowhere.</source>
        <translation>面接官の声は保存しません。面接官の声の特徴は、一つの録音を分析する間だけ計算され、どこにも書き込まれません。</translation>
    </message>
    <message>
        <source>Delete my voice profile</source>
        <translation>声のプロフィールを削除</translation>
    </message>
    <message>
        <source>Removes your voice profile from this computer</source>
        <translation>このコンピューターから声のプロフィールを削除します</translation>
    </message>
    <message>
        <source>Making your voice profile</source>
        <translation>声のプロフィールを作成中</translation>
    </message>
    <message>
        <source>Your voice profile</source>
        <translation>声のプロフィール</translation>
    </message>
    <message>
        <source>Practice recordings for your voice profile</source>
        <translation>声のプロフィールに使える練習の録音</translation>
    </message>
    <message>
        <source>Make it again</source>
        <translation>作り直す</translation>
    </message>
    <message>
        <source>Make my voice profile</source>
        <translation>声のプロフィールを作る</translation>
    </message>
    <message>
        <source>Looking for your voice profile…</source>
        <translation>声のプロフィールを確認しています…</translation>
    </message>
    <message>
        <source>Not made. With a profile, your turns in a recording made in a room are marked as yours automatically.</source>
        <translation>まだ作っていません。プロフィールがあると、対面の面接を録音したとき、あなたの発言が自動的に「自分」と示されます。</translation>
    </message>
    <message>
        <source>Made on {date} from 1 practice recording ({seconds} s of your speech).</source>
        <translation>{date}に練習の録音 1 件（あなたの声 {seconds} 秒分）から作りました。</translation>
    </message>
    <message>
        <source>Made on {date} from {count} practice recordings ({seconds} s of your speech).</source>
        <translation>{date}に練習の録音 {count} 件（あなたの声 {seconds} 秒分）から作りました。</translation>
    </message>
    <message>
        <source>There are no practice recordings of you alone yet: record a few practice answers first (Practice in the toolbar), then make your voice profile.</source>
        <translation>ひとりで録った練習の録音がまだありません。先に練習の回答をいくつか録音してから（ツールバーの「模擬面接の練習」）、声のプロフィールを作ってください。</translation>
    </message>
    <message>
        <source>1 practice recording made alone can be used.</source>
        <translation>ひとりで録った練習の録音が 1 件あり、使えます。</translation>
    </message>
    <message>
        <source>{count} practice recordings made alone can be used.</source>
        <translation>ひとりで録った練習の録音が {count} 件あり、使えます。</translation>
    </message>
</context>
<context>
    <name>VoicesDialog</name>
    <message>
        <source>Tell the voices apart again</source>
        <translation>声を聞き分け直す</translation>
    </message>
    <message>
        <source>Furikaeri listens to the recording again to find who spoke when. The words are not transcribed again, and your corrections and the names you gave are kept.</source>
        <translation>録音をもう一度聞いて、誰がいつ話したかを調べ直します。文字起こしはやり直さず、修正した内容や付けた名前もそのまま残ります。</translation>
    </message>
    <message>
        <source>&amp;Number of voices:</source>
        <translation>声の数(&amp;N)：</translation>
    </message>
    <message>
        <source>Number of voices</source>
        <translation>声の数</translation>
    </message>
    <message>
        <source>Auto (estimate)</source>
        <translation>自動（推定）</translation>
    </message>
    <message>
        <source>Tell apart</source>
        <translation>聞き分ける</translation>
    </message>
    <message>
        <source>Tell the voices apart</source>
        <translation>声を聞き分ける</translation>
    </message>
</context>
<context>
    <name>Waveform</name>
    <message>
        <source>The audio file {name} does not exist (any more).</source>
        <translation>音声ファイル {name} が見つかりません（削除された可能性があります）。</translation>
    </message>
    <message>
        <source>The audio file {name} could not be opened: {detail}</source>
        <translation>音声ファイル {name} を開けませんでした：{detail}</translation>
    </message>
    <message>
        <source>The file {name} is not audio that Furikaeri can read.</source>
        <translation>ファイル {name} は Furikaeri で読み込める音声ではありません。</translation>
    </message>
    <message>
        <source>The audio file {name} is damaged and could not be read to the end ({detail}).</source>
        <translation>音声ファイル {name} は破損していて、最後まで読み込めませんでした（{detail}）。</translation>
    </message>
</context>
<context>
    <name>WaveformWidget</name>
    <message>
        <source>Waveform</source>
        <translation>波形</translation>
    </message>
    <message>
        <source>Playhead at {position} of {length}. Left and Right move 5 seconds, Page Up and Page Down 30, Home and End to the start and the end.</source>
        <translation>再生位置 {position}／全体 {length}。左右キーで5秒、Page Up・Page Down で30秒移動、Home・End で先頭・末尾へ。</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Cancel or decline — {company}</source>
        <translation>キャンセル・辞退 — {company}</translation>
    </message>
    <message>
        <source>What do you want to do?</source>
        <translation>どうしますか？</translation>
    </message>
    <message>
        <source>&amp;Cancel the interview</source>
        <translation>面接をキャンセルする(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Ask whether another date is possible: I want to stay in the selection</source>
        <translation>別の日程が可能か尋ねる：選考は続けたい(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Decline: the offer, or the rest of the selection</source>
        <translation>辞退する：内定、または以降の選考(&amp;D)</translation>
    </message>
    <message>
        <source>The interview time has already &amp;passed without me</source>
        <translation>面接の時間をすでに過ぎてしまった(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Show me how</source>
        <translation>手順を見る(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>手順</translation>
    </message>
    <message>
        <source>Never simply stay away without a word: not showing up ends this application, and an agent or related companies may remember it. A short call now keeps your name clean.</source>
        <translation>連絡せずに欠席すること（いわゆるバックレ）は絶対に避けましょう。この応募はそこで終わり、エージェントやグループ会社にも記憶されかねません。今すぐ短い電話を一本入れるだけで、信頼を保てます。</translation>
    </message>
    <message>
        <source>&amp;Finish: mark as cancelled</source>
        <translation>完了：キャンセル済みにする(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Finish: mark as declined</source>
        <translation>完了：辞退済みにする(&amp;F)</translation>
    </message>
    <message>
        <source>your recruiting agent</source>
        <translation>エージェントの担当者</translation>
    </message>
    <message>
        <source>Contact {agent}, your recruiting agent — not the company. The agent passes it on.</source>
        <translation>連絡先はエージェント（{agent}）です。企業には直接連絡せず、エージェントから伝えてもらいます。</translation>
    </message>
    <message>
        <source>Contact {company} directly, by phone first.</source>
        <translation>{company}に直接、まず電話で連絡します。</translation>
    </message>
    <message>
        <source>Open: {what}</source>
        <translation>開く：{what}</translation>
    </message>
    <message>
        <source>A good time to call: from {when}</source>
        <translation>電話に適した時間：{when} から</translation>
    </message>
    <message>
        <source>I have told {who}</source>
        <translation>{who}に伝えました</translation>
    </message>
</context>
<context>
    <name>Withdrawal</name>
    <message>
        <source>The interview time has passed. Apologise as soon as possible anyway: silence ends the application and can follow you to other companies and agents.</source>
        <translation>面接の時刻は過ぎていますが、それでもできるだけ早くお詫びの連絡をしましょう。連絡しないままでいると応募は終わり、他の企業やエージェントとの関係にも影響することがあります。</translation>
    </message>
    <message>
        <source>Call your agent, {agent}, first ({contact}). The agent tells the company: do not contact the company yourself.</source>
        <translation>まずエージェントの{agent}に電話しましょう（{contact}）。企業へはエージェントから伝えてもらいます。自分から企業に連絡しないでください。</translation>
    </message>
    <message>
        <source>Apologise for missing the interview, without excuses; give its date and your name, and ask the agent to pass your apology on.</source>
        <translation>言い訳をせずに欠席をお詫びし、面接の日時と自分の名前を伝え、企業へのお詫びの伝言をエージェントにお願いします。</translation>
    </message>
    <message>
        <source>Apologise for missing the interview, without excuses; give its date and your name, ask the agent to pass your apology on, then ask whether another chance is possible.</source>
        <translation>言い訳をせずに欠席をお詫びし、面接の日時と自分の名前を伝え、企業へのお詫びの伝言をエージェントにお願いしたうえで、改めて機会をいただけるか尋ねます。</translation>
    </message>
    <message>
        <source>Apologise for missing the interview, without excuses; give its date and your name, ask the agent to pass your apology on, and say that you withdraw.</source>
        <translation>言い訳をせずに欠席をお詫びし、面接の日時と自分の名前を伝え、企業へのお詫びの伝言をエージェントにお願いし、選考を辞退することを伝えます。</translation>
    </message>
    <message>
        <source>Apologise for missing the interview, without excuses; give its date and your name.</source>
        <translation>言い訳をせずに欠席をお詫びし、面接の日時と自分の名前を伝えます。</translation>
    </message>
    <message>
        <source>Apologise for missing the interview, without excuses; give its date and your name, then ask whether another chance is possible.</source>
        <translation>言い訳をせずに欠席をお詫びし、面接の日時と自分の名前を伝えたうえで、改めて機会をいただけるか尋ねます。</translation>
    </message>
    <message>
        <source>Apologise for missing the interview, without excuses; give its date and your name, and say that you withdraw.</source>
        <translation>言い訳をせずに欠席をお詫びし、面接の日時と自分の名前を伝え、選考を辞退することを伝えます。</translation>
    </message>
    <message>
        <source>Say that you cannot attend; apologise, thank them, give the interview&apos;s date and your name, then ask whether another date is possible.</source>
        <translation>面接に伺えなくなったことを伝え、お詫びとお礼を述べ、面接の日時と自分の名前を伝えたうえで、別の日程が可能か尋ねます。</translation>
    </message>
    <message>
        <source>Say that you cannot attend; apologise, thank them, and give the interview&apos;s date and your name.</source>
        <translation>面接に伺えなくなったことを伝え、お詫びとお礼を述べ、面接の日時と自分の名前を伝えます。</translation>
    </message>
    <message>
        <source>Thank them for the offer, decline it clearly, and give your name.</source>
        <translation>内定へのお礼を述べ、辞退することをはっきり伝え、自分の名前を名乗ります。</translation>
    </message>
    <message>
        <source>Say briefly and honestly that you withdraw from the selection; apologise, thank them, and give your name.</source>
        <translation>選考を辞退することを簡潔に、正直に伝え、お詫びとお礼を述べ、自分の名前を名乗ります。</translation>
    </message>
    <message>
        <source>Call your agent, {agent}, first. The agent tells the company: do not contact the company yourself.</source>
        <translation>まずエージェントの{agent}に電話しましょう。企業へはエージェントから伝えてもらいます。自分から企業に連絡しないでください。</translation>
    </message>
    <message>
        <source>Call your recruiting agent first ({contact}). The agent tells the company: do not contact the company yourself.</source>
        <translation>まずエージェントの担当者に電話しましょう（{contact}）。企業へはエージェントから伝えてもらいます。自分から企業に連絡しないでください。</translation>
    </message>
    <message>
        <source>Call your recruiting agent first. The agent tells the company: do not contact the company yourself.</source>
        <translation>まずエージェントの担当者に電話しましょう。企業へはエージェントから伝えてもらいます。自分から企業に連絡しないでください。</translation>
    </message>
    <message>
        <source>Call {company} first and ask for {contact}.</source>
        <translation>まず{company}に電話し、担当の{contact}に取り次いでもらいましょう。</translation>
    </message>
    <message>
        <source>Call {company} first and ask for the person in charge of recruiting.</source>
        <translation>まず{company}に電話し、採用担当の方に取り次いでもらいましょう。</translation>
    </message>
    <message>
        <source>If the call does not get through, send the agent a mail the same day.</source>
        <translation>電話がつながらなければ、同じ日のうちにエージェントへメールを送りましょう。</translation>
    </message>
    <message>
        <source>Give the real reason, briefly: invented excuses damage the agent&apos;s trust, and with it their future introductions.</source>
        <translation>本当の理由を簡潔に伝えましょう。作り話の言い訳はエージェントの信頼を損ね、今後の紹介にも響きます。</translation>
    </message>
    <message>
        <source>The agent&apos;s name is not recorded for this interview: add it before you call.</source>
        <translation>この面接にはエージェントの担当者名が登録されていません。電話の前に追加しましょう。</translation>
    </message>
    <message>
        <source>If a call is impossible, or nobody answers, send a mail instead the same day.</source>
        <translation>電話ができない、またはつながらない場合は、同じ日のうちにメールで連絡しましょう。</translation>
    </message>
    <message>
        <source>Tell the person who referred you, too, so that they do not hear it from the company first.</source>
        <translation>紹介してくれた人にも、企業から先に伝わる前に自分から知らせましょう。</translation>
    </message>
    <message>
        <source>Afterwards, mark the interview as cancelled so that its follow-ups close.</source>
        <translation>連絡が済んだら、面接の状態を「キャンセル」にしましょう。フォローアップが閉じられます。</translation>
    </message>
    <message>
        <source>Afterwards, mark the interview as declined so that its follow-ups close.</source>
        <translation>連絡が済んだら、面接の状態を「辞退」にしましょう。フォローアップが閉じられます。</translation>
    </message>
    <message>
        <source>Do it now: the earlier they know, the less trouble it causes.</source>
        <translation>今すぐ連絡しましょう。早いほど相手の負担は小さくなります。</translation>
    </message>
    <message>
        <source>You are not asking for another date: a cancellation without one usually ends the application. If you want to continue, ask for another date.</source>
        <translation>別の日程をお願いしない場合、キャンセルはたいていこの応募の終わりを意味します。選考を続けたいなら、別の日程が可能か尋ねましょう。</translation>
    </message>
    <message>
        <source>Declining an offer: say so clearly and thank them; you do not need to justify your choice at length.</source>
        <translation>内定の辞退は、はっきり伝えてお礼を述べましょう。理由を長々と説明する必要はありません。</translation>
    </message>
</context>
</TS>
