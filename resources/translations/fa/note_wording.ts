<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>NoteWording</name>
    <message>
        <source>Escalated (functional) by %1 to %2: %3</source>
        <translation>ارجاع تخصصی توسط %1 به %2: %3</translation>
    </message>
    <message>
        <source>Escalated (hierarchical) by %1 to %2: %3</source>
        <translation>ارجاع سلسله‌مراتبی توسط %1 به %2: %3</translation>
    </message>
    <message>
        <source>Returned to tier 1 by %1 to %2: %3</source>
        <translation>بازگرداندن به سطح ۱ توسط %1 به %2: %3</translation>
    </message>
    <message>
        <source>Reassigned by %1 to %2</source>
        <translation>واگذاری دوباره توسط %1 به %2</translation>
    </message>
    <message>
        <source>Reassigned by %1 to %2 (%3)</source>
        <translation>واگذاری دوباره توسط %1 به %2 (%3)</translation>
    </message>
    <message>
        <source>Reassigned by %1 to the %2 pool</source>
        <translation>واگذاری دوباره توسط %1 به صف مشترک %2</translation>
    </message>
    <message>
        <source>Reassigned by %1 to the shared pool</source>
        <translation>واگذاری دوباره توسط %1 به صف مشترک</translation>
    </message>
    <message>
        <source>Merged into %1; %2 messages moved there.</source>
        <translation>در %1 ادغام شد؛ %2 پیام به آنجا منتقل شد.</translation>
    </message>
    <message>
        <source>%1 (%2) was merged into this ticket; %3 messages moved here.</source>
        <translation>%1 (%2) در این تیکت ادغام شد؛ %3 پیام به اینجا منتقل شد.</translation>
    </message>
    <message>
        <source>%1 of %2 granted by %3 (within their authority)</source>
        <translation>%1 به مبلغ %2 توسط %3 داده شد (در حد اختیار او)</translation>
    </message>
    <message>
        <source>%1 of %2 requested by %3; above their authority (%4), waiting for a supervisor</source>
        <translation>%1 به مبلغ %2 توسط %3 درخواست شد؛ بیش از حد اختیار او (%4)، در انتظار سرپرست</translation>
    </message>
    <message>
        <source>%1 of %2 (with %5 already granted or pending on this ticket) requested by %3; above their authority (%4), waiting for a supervisor</source>
        <translation>%1 به مبلغ %2 (با %5 که پیش‌تر برای این تیکت داده شده یا در انتظار است) توسط %3 درخواست شد؛ بیش از حد اختیار او (%4)، در انتظار سرپرست</translation>
    </message>
    <message>
        <source>%1 of %2 approved by %3</source>
        <translation>%1 به مبلغ %2 توسط %3 تأیید شد</translation>
    </message>
    <message>
        <source>%1 of %2 rejected by %3</source>
        <translation>%1 به مبلغ %2 توسط %3 رد شد</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
</TS>
