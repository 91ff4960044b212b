<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
    <context>
        <name>ErrorText</name>
        <message>
            <location filename="../../../deskapp/ui/error_text.py" />
            <source>Choose keep, take or edit.</source>
            <translation>یکی را انتخاب کنید: نگه داشتن، برداشتن یا ویرایش.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/error_text.py" />
            <source>The centre still cannot take this record; edit it first.</source>
            <translation>مرکز هنوز این رکورد را نمی‌پذیرد؛ اول آن را ویرایش کنید.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/error_text.py" />
            <source>{site} is a branch office: its tickets are numbered on its own database. Log the call there, or under the centre's site.</source>
            <translation>‏{site} یک دفتر شعبه است: شماره‌ی تیکت‌هایش در پایگاه‌داده‌ی خود شعبه داده می‌شود. تماس را همان‌جا ثبت کنید، یا زیر سایت مرکز.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/error_text.py" />
            <source>This database is not a branch office: set one up with "deskapp branch init".</source>
            <translation>این پایگاه‌داده دفتر شعبه نیست: آن را با «deskapp branch init» راه‌اندازی کنید.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/error_text.py" />
            <source>The centre already holds a different batch {seq} from {site}: this branch database does not match the centre's record (restored from an old backup?). Set the branch up again.</source>
            <translation>مرکز بسته‌ی دیگری با شماره‌ی {seq} از {site} دارد: این پایگاه‌داده‌ی شعبه با سابقه‌ی مرکز نمی‌خواند (از نسخه‌ی پشتیبان قدیمی بازگردانده شده؟). شعبه را دوباره راه‌اندازی کنید.</translation>
        </message>
        <message>
            <location filename="../../../deskapp/ui/error_text.py" />
            <source>Batch {seq} from {site} is out of order: the centre expects {expected}.</source>
            <translation>بسته‌ی {seq} از {site} خارج از ترتیب است: مرکز بسته‌ی {expected} را انتظار دارد.</translation>
        </message>
    </context>
</TS>
