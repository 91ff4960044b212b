<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
    <context>
        <name>ErrorText</name>
        <message>
            <location filename="../../../deskapp/ui/error_text.py" />
            <source>The request on {reference} belongs to a team you do not supervise; its supervisor or a manager decides it.</source>
            <translation>درخواست روی {reference} به تیمی تعلق دارد که سرپرست آن نیستید؛ سرپرست آن تیم یا یک مدیر درباره‌اش تصمیم می‌گیرد.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/error_text.py" />
            <source>{amount} (a total of {total} on this ticket) is above your own authority ({limit}); a manager must approve it.</source>
            <translation>{amount} (در مجموع {total} روی این تیکت) بالاتر از اختیار خود شما ({limit}) است؛ یک مدیر باید آن را تأیید کند.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/error_text.py" />
            <source>The file is UTF-16 (&quot;Unicode text&quot;); save it as CSV UTF-8.</source>
            <translation>پرونده با رمزگذاری UTF-16 (‏«Unicode text») است؛ آن را به صورت CSV UTF-8 ذخیره کنید.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/error_text.py" />
            <source>The file is not UTF-8: it looks like Windows-1256 (Arabic/Persian Windows); save it as CSV UTF-8.</source>
            <translation>پرونده UTF-8 نیست: به نظر می‌رسد Windows-1256 (ویندوز عربی/فارسی) باشد؛ آن را به صورت CSV UTF-8 ذخیره کنید.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/error_text.py" />
            <source>The file is not UTF-8 text (invalid byte {byte} on line {line}); it may be binary or damaged. Save it as CSV UTF-8.</source>
            <translation>پرونده متن UTF-8 نیست (بایت نامعتبر {byte} در سطر {line})؛ شاید دودویی یا خراب باشد. آن را به صورت CSV UTF-8 ذخیره کنید.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/error_text.py" />
            <source>The file contains NUL bytes (line {line}): it is not a CSV text file; save it as CSV UTF-8.</source>
            <translation>پرونده بایت NUL دارد (سطر {line}): پرونده متنی CSV نیست؛ آن را به صورت CSV UTF-8 ذخیره کنید.</translation>
        </message>
    </context>
</TS>
