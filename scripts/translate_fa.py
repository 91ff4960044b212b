"""Fill resources/translations/deskapp_fa.ts with the Persian translations kept here.

Run after `pyside6-lupdate` (see `scripts/update_translations.sh`): strings already
translated in the .ts are kept; strings known here are filled in; the rest stay
unfinished for a translator (Qt Linguist)."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "deskapp_fa.ts"

FA = {
    # actions and menus
    "Log a call…": "ثبت تماس…",
    "Quit": "خروج",
    "Reply": "پاسخ",
    "Add internal note": "یادداشت داخلی",
    "Insert canned response…": "درج پاسخ آماده…",
    "Escalate…": "ارجاع…",
    "Next ticket": "درخواست بعدی",
    "Previous ticket": "درخواست قبلی",
    "Search tickets": "جست‌وجوی درخواست‌ها",
    "Refresh": "تازه‌سازی",
    "Keyboard shortcuts": "میان‌برهای صفحه‌کلید",
    "About deskapp": "درباره‌ی deskapp",
    "&File": "&پرونده",
    "&Ticket": "&درخواست",
    "&View": "&نما",
    "&Help": "&راهنما",
    "Workstation": "میز کار",
    "deskapp — %1 (%2)": "deskapp — %1 (%2)",
    "%1 tickets in view": "%1 درخواست در این نما",
    "Working…": "در حال کار…",
    "deskapp %1 — support-desk workstation.\nDatabase: %2":
        "deskapp %1 — میز کار پشتیبانی.\nپایگاه داده: %2",
    # labels
    "New": "جدید",
    "Open": "باز",
    "Waiting on customer": "در انتظار مشتری",
    "Waiting on third party": "در انتظار طرف سوم",
    "Resolved": "حل‌شده",
    "Closed": "بسته",
    "Low": "کم",
    "Normal": "عادی",
    "High": "زیاد",
    "Urgent": "فوری",
    "Phone": "تلفن",
    "Email": "ایمیل",
    "Chat": "گفت‌وگو",
    "Social media": "شبکه‌ی اجتماعی",
    "Walk-in": "مراجعه‌ی حضوری",
    "Web form": "فرم وب",
    "Standard": "عادی",
    "Priority": "اولویت",
    "VIP": "ویژه",
    "Agent": "کارشناس",
    "Specialist": "کارشناس ارشد",
    "Supervisor": "سرپرست",
    "Manager": "مدیر",
    "Administrator": "مدیر سیستم",
    "Call": "تماس",
    "Note": "یادداشت",
    "Internal note": "یادداشت داخلی",
    # ticket view
    "Select a ticket in the queue, or log a call (Ctrl+N).":
        "درخواستی را از صف انتخاب کنید یا تماسی ثبت کنید (Ctrl+N).",
    "Reload": "بارگذاری دوباره",
    "someone else": "کاربر دیگری",
    "%1 was changed by %2 (%3) after you opened it. Reload to see the change; what you "
    "typed is kept.":
        "%1 پس از باز کردن شما توسط %2 (%3) تغییر کرد. برای دیدن تغییر دوباره بارگذاری کنید؛ "
        "آنچه نوشته‌اید حفظ می‌شود.",
    "Not saved; what you typed is kept.": "ذخیره نشد؛ آنچه نوشته‌اید حفظ شده است.",
    "Customer": "مشتری",
    "Status": "وضعیت",
    "Assignee": "مسئول",
    "Team": "تیم",
    "Channel": "کانال",
    "unassigned": "بدون مسئول",
    "First response": "اولین پاسخ",
    "Resolution": "حل",
    "%1: no target": "%1: بدون هدف",
    "%1: done %2": "%1: انجام شد %2",
    "%1: paused (%2 left)": "%1: متوقف (%2 مانده)",
    "%1: breached %2 ago (due %3)": "%1: %2 از موعد گذشته (موعد %3)",
    "%1: %2 left (due %3)": "%1: %2 مانده (موعد %3)",
    "Move to:": "انتقال به:",
    "Satisfaction:": "رضایت:",
    "not asked": "پرسیده نشد",
    "Record": "ثبت",
    "Resolve": "حل شد",
    "Reopen": "بازگشایی",
    "&Reply": "&پاسخ",
    "Internal &note": "یادداشت &داخلی",
    "Follow-up &call": "تماس &پیگیری",
    "Canned response…": "پاسخ آماده…",
    "Send": "ارسال",
    "Sending…": "در حال ارسال…",
    "Write a reply to the customer…": "پاسخی برای مشتری بنویسید…",
    "Internal note: only staff see it…": "یادداشت داخلی: فقط کارکنان می‌بینند…",
    "What was said on the follow-up call…": "در تماس پیگیری چه گفته شد…",
    "Send reply": "ارسال پاسخ",
    "Add note": "افزودن یادداشت",
    "Log call": "ثبت تماس",
    "Type something first.": "ابتدا چیزی بنویسید.",
    "deskapp": "deskapp",
    "internal note": "یادداشت داخلی",
    "%1 from the customer": "%1 از مشتری",
    # customer history
    "The caller's history shows here.": "سابقه‌ی تماس‌گیرنده اینجا نمایش داده می‌شود.",
    "Phones:": "تلفن‌ها:",
    "Email:": "ایمیل:",
    "Organisation:": "سازمان:",
    "Last 90 days": "۹۰ روز اخیر",
    "First-contact resolution": "حل در اولین تماس",
    "Average satisfaction": "میانگین رضایت",
    "Tickets": "درخواست‌ها",
    "Latest interactions": "آخرین ارتباط‌ها",
    "Tickets (%1)": "درخواست‌ها (%1)",
    "Number": "شماره",
    "Opened": "تاریخ ثبت",
    "Subject": "موضوع",
    # log a call
    "Log a call": "ثبت تماس",
    "Caller": "تماس‌گیرنده",
    "Phone number, name or email…": "شماره تلفن، نام یا ایمیل…",
    "New customer": "مشتری جدید",
    "one or more, separated by commas": "یک یا چند شماره، جدا شده با ویرگول",
    "Name:": "نام:",
    "Segment:": "گروه مشتری:",
    "Ticket": "درخواست",
    "Resolved on this call": "در همین تماس حل شد",
    "Channel:": "کانال:",
    "Category:": "دسته:",
    "Priority:": "اولویت:",
    "Subject:": "موضوع:",
    "Notes:": "شرح:",
    "Create ticket": "ثبت درخواست",
    "Searching…": "در حال جست‌وجو…",
    "has a warning note": "هشدار دارد",
    "Pick the caller, or tick New customer.": "تماس‌گیرنده را انتخاب کنید یا «مشتری جدید» را بزنید.",
    "No customer found; tick New customer below.": "مشتری‌ای پیدا نشد؛ «مشتری جدید» را بزنید.",
    "Caller: %1": "تماس‌گیرنده: %1",
    # login
    "Log in to deskapp": "ورود به deskapp",
    "Database: %1": "پایگاه داده: %1",
    "Log in": "ورود",
    "&Username:": "&نام کاربری:",
    "&Password:": "&گذرواژه:",
    "Enter your username.": "نام کاربری را وارد کنید.",
    "Wrong username or password; try again.": "نام کاربری یا گذرواژه نادرست است؛ دوباره تلاش کنید.",
    # canned responses, shortcuts, banner, start-up
    "Canned responses": "پاسخ‌های آماده",
    "Search title or text…": "جست‌وجو در عنوان یا متن…",
    "All languages": "همه‌ی زبان‌ها",
    "Persian": "فارسی",
    "English": "انگلیسی",
    "Insert": "درج",
    "No canned response matches.": "پاسخ آماده‌ای پیدا نشد.",
    "Action": "کار",
    "Shortcut": "میان‌بر",
    "Retry": "تلاش دوباره",
    "Dismiss": "بستن",
    "The database cannot be reached: %1": "به پایگاه داده دسترسی نیست: %1",
    "Something went wrong: %1": "خطایی رخ داد: %1",
    "Opening the database…": "در حال باز کردن پایگاه داده…",
    "Creating demo data for this workstation…": "در حال ساختن داده‌ی نمایشی برای این میز کار…",
    "Demo logins (user / password):": "ورود نمایشی (کاربر / گذرواژه):",
    "deskapp cannot start": "deskapp اجرا نشد",
    "due %1": "موعد %1",
    "%1: met": "%1: انجام شد",
    "at %1": "در %1",
    "%1: breached %2 ago": "%1: %2 از موعد گذشته",
    "%1: %2 left": "%1: %2 مانده",
    # the queue (deskapp/ui/queue)
    "Age": "عمر",
    "SLA": "توافق سطح خدمت",
    "Unassigned": "بدون مسئول",
    "Paused (%1 left)": "متوقف (%1 مانده)",
    "Breached %1 ago": "%1 از موعد گذشته",
    "No SLA clock running": "ساعت توافق سطح خدمت فعال نیست",
    "First response due": "موعد اولین پاسخ",
    "Resolution due": "موعد حل",
    "Escalated to you; not yet acknowledged": "به شما ارجاع شده؛ هنوز تأیید نشده",
    "The ticket list could not be loaded: %1": "فهرست درخواست‌ها بارگذاری نشد: %1",
    "Queue views": "نماهای صف",
    "Custom views": "نماهای سفارشی",
    "Save view…": "ذخیره‌ی نما…",
    "Save the filters and search as a custom view": "ذخیره‌ی فیلترها و جست‌وجو به‌عنوان نمای سفارشی",
    "Delete view": "حذف نما",
    "Search number, subject, conversation, customer, phone… (Ctrl+F)":
        "جست‌وجوی شماره، موضوع، گفت‌وگو، مشتری، تلفن… (Ctrl+F)",
    "Filters": "فیلترها",
    "Any status": "هر وضعیتی",
    "Any priority": "هر اولویتی",
    "Any channel": "هر کانالی",
    "Any team": "هر تیمی",
    "Anyone": "هر کسی",
    "Any segment": "هر گروهی",
    "My open tickets": "درخواست‌های باز من",
    "My team": "تیم من",
    "Breaching soon": "نزدیک به موعد",
    "All open": "همه‌ی باز",
    "Recently resolved": "اخیراً حل‌شده",
    "Custom": "سفارشی",
    "Custom view": "نمای سفارشی",
    "Save view": "ذخیره‌ی نما",
    "Choose a filter or type a search first; the view saves them.":
        "ابتدا فیلتری انتخاب کنید یا عبارتی جست‌وجو کنید؛ نما آن‌ها را ذخیره می‌کند.",
    "Name of the view:": "نام نما:",
    "Delete the view “%1”?": "نمای «%1» حذف شود؟",
    "%1d %2h": "%1 روز %2 ساعت",
    "%1h %2m": "%1 ساعت %2 دقیقه",
    "%1m": "%1 دقیقه",
    # SLA clocks, one table (deskapp/ui/sla_display.py)
    "—": "—",
    "%1 left": "%1 مانده",
    "overdue %1": "%1 گذشته از موعد",
    "paused, %1 left": "متوقف، %1 مانده",
    "paused, overdue %1": "متوقف، %1 گذشته از موعد",
    "met": "رعایت شد",
    "missed by %1": "%1 دیرتر از موعد",
    "%1: overdue %2": "%1: %2 گذشته از موعد",
    "%1: paused, %2 left": "%1: متوقف، %2 مانده",
    "%1: paused, overdue %2": "%1: متوقف، %2 گذشته از موعد",
    "%1: missed by %2": "%1: %2 دیرتر از موعد",
    "No SLA": "بدون توافق سطح خدمت",
    "On track": "در مسیر",
    "Warning": "هشدار",
    "Breached": "از موعد گذشته",
    "Paused": "متوقف",
    "Paused, breached": "متوقف، از موعد گذشته",
    "Met": "رعایت‌شده",
    "Missed": "از دست‌رفته",
    "Warning (%1)": "هشدار (%1)",
    # notifications (deskapp/ui/notifications/wording.py)
    "first response": "نخستین پاسخ",
    "resolution": "حل",
    "%1: %2 of the %3 time used": "%1: %2 از زمان %3 گذشته است",
    "%1 — %2 due %3": "%1 — موعد %2: %3",
    "%1: %3 overdue": "%1: موعد %3 گذشته است",
    "%1 — %2 was due %3": "%1 — موعد %2 %3 بود",
    "%1 escalated to you": "%1 به شما ارجاع شد",
    "%1 — escalated by %2": "%1 — ارجاع‌دهنده: %2",
    "%1 returned to tier %2": "%1 به سطح %2 بازگشت",
    "%1 — returned by %2": "%1 — بازگرداننده: %2",
    "%1 more notifications": "%1 اعلان دیگر",
    "Open the notification centre to see them all.":
        "برای دیدن همه، مرکز اعلان‌ها را باز کنید.",
    "SLA breached: %1": "موعد %1 گذشت",
    "The %1 target (%2) passed; escalated automatically.":
        "موعد %1 (%2) گذشت؛ به‌طور خودکار ارجاع شد.",
    # service errors (deskapp/ui/error_text.py); {name} placeholders stay as they are
    "The request could not be done.": "درخواست انجام نشد.",
    "That record does not exist (any more).": "این مورد (دیگر) وجود ندارد.",
    "Please check {field}.": "لطفاً {field} را بررسی کنید.",
    "That already exists.": "این مورد از پیش وجود دارد.",
    "{field} is required.": "{field} لازم است.",
    "{field} is {length} characters long; the limit is {limit}.":
        "{field} {length} نویسه است؛ حداکثر {limit} نویسه مجاز است.",
    "{field} has a value of the wrong kind.": "نوع مقدار {field} نادرست است.",
    "{field} contains a control character at position {position}; remove it.":
        "{field} در جایگاه {position} یک نویسه‌ی کنترلی دارد؛ آن را حذف کنید.",
    "{field} must be between {low} and {high}.": "{field} باید بین {low} و {high} باشد.",
    "{field} is not an email address.": "{field} نشانی رایانامه نیست.",
    "Choose one of the offered {field}.": "یکی از گزینه‌های {field} را انتخاب کنید.",
    "The password must have at least {min} characters.":
        "گذرواژه باید دست‌کم {min} نویسه داشته باشد.",
    "The password is longer than {max} characters.": "گذرواژه بیش از {max} نویسه است.",
    "You ({role}) may not {action}.": "شما ({role}) اجازه‌ی {action} ندارید.",
    "log calls": "ثبت تماس",
    "work on tickets": "کار روی درخواست‌ها",
    "view customers": "دیدن مشتریان",
    "edit customers": "ویرایش مشتریان",
    "reassign other people's tickets": "واگذاری درخواست‌های دیگران",
    "work on any ticket": "کار روی هر درخواستی",
    "take hierarchical escalations": "پذیرفتن ارجاع سلسله‌مراتبی",
    "approve": "تأیید",
    "view team workload": "دیدن بار کاری تیم",
    "view reports": "دیدن گزارش‌ها",
    "manage SLA policies": "مدیریت سیاست‌های توافق سطح خدمت",
    "manage teams": "مدیریت تیم‌ها",
    "manage canned responses": "مدیریت پاسخ‌های آماده",
    "manage users": "مدیریت کاربران",
    "manage sites": "مدیریت شعبه‌ها",
    "manage connections": "مدیریت اتصال‌ها",
    "import data": "درون‌ریزی داده",
    "merge records": "ادغام رکوردها",
    "view the audit log": "دیدن گزارش رویدادها",
    "edit the escalation reasons": "ویرایش دلیل‌های ارجاع",
    "{reference} belongs to another agent or team; you may not work on it.":
        "{reference} متعلق به کارشناس یا تیم دیگری است؛ نمی‌توانید روی آن کار کنید.",
    "You may take tickets from the pool or hand back your own; ask a supervisor to "
    "move other work.":
        "می‌توانید درخواستی را از صف مشترک بردارید یا درخواست خود را بازگردانید؛ برای "
        "جابه‌جایی کارهای دیگر از سرپرست بخواهید.",
    "{reference} is {status}; it cannot become {to}.":
        "{reference} در وضعیت «{status}» است؛ نمی‌تواند «{to}» شود.",
    "{what} was changed by {changed_by}; reload it to see the change.":
        "{what} را {changed_by} تغییر داده است؛ برای دیدن تغییر دوباره بارگذاری کنید.",
    "Wrong user name or password.": "نام کاربری یا گذرواژه نادرست است.",
    "The account {username} is disabled; ask an administrator.":
        "حساب {username} غیرفعال است؛ از مدیر سامانه بپرسید.",
    "Too many failed logins: locked for {minutes} more minute(s); an administrator can "
    "unlock it.":
        "ورودهای ناموفق بسیار: تا {minutes} دقیقه‌ی دیگر قفل است؛ مدیر سامانه می‌تواند "
        "آن را باز کند.",
    "Too many failed logins: wait {seconds} second(s) and try again.":
        "ورودهای ناموفق بسیار: {seconds} ثانیه صبر کنید و دوباره تلاش کنید.",
    "The password of {username} was reset; choose a new one to log in.":
        "گذرواژه‌ی {username} بازنشانی شده است؛ برای ورود گذرواژه‌ی تازه‌ای برگزینید.",
    "That ticket does not exist (any more).": "این درخواست (دیگر) وجود ندارد.",
    "{reference} belongs to another team; you may not read it.":
        "{reference} متعلق به تیم دیگری است؛ نمی‌توانید آن را ببینید.",
    "There is no ticket {reference}.": "درخواستی با شماره‌ی {reference} وجود ندارد.",
    "The new password must differ from the temporary one.":
        "گذرواژه‌ی تازه باید با گذرواژه‌ی موقت فرق داشته باشد.",
    "The tier must be 1, 2 or 3.": "سطح باید ۱، ۲ یا ۳ باشد.",
    "{value} is not a phone number: a number here has {min} to {max} digits.":
        "{value} شماره‌ی تلفن نیست: شماره‌ی تلفن اینجا {min} تا {max} رقم دارد.",
    "The connection is back. Retry sends what was not saved.":
        "اتصال برقرار شد. «تلاش دوباره» آنچه ذخیره نشده بود را می‌فرستد.",
    "Choose an existing customer or enter a new one.":
        "مشتری موجودی را انتخاب کنید یا مشتری تازه‌ای وارد کنید.",
    "A note is internal; it has no direction.": "یادداشت داخلی است؛ جهت ندارد.",
    "That message was already stored with another ticket.":
        "این پیام پیش‌تر در درخواست دیگری ذخیره شده است.",
    "Satisfaction is recorded when resolving.": "رضایت هنگام حل ثبت می‌شود.",
    "{reference} is not resolved; satisfaction is recorded after resolution.":
        "{reference} حل نشده است؛ رضایت پس از حل ثبت می‌شود.",
    "Satisfaction must be 1 to 5.": "رضایت باید از ۱ تا ۵ باشد.",
    "That person does not exist or is disabled.": "این شخص وجود ندارد یا غیرفعال است.",
    "That team does not exist (any more).": "این تیم (دیگر) وجود ندارد.",
    "That customer does not exist (any more).": "این مشتری (دیگر) وجود ندارد.",
    "That answer was retired or deleted meanwhile.":
        "این پاسخ در این میان بایگانی یا حذف شده است.",
    "{reference} is already with that team; choose another team.":
        "{reference} هم‌اکنون نزد همین تیم است؛ تیم دیگری انتخاب کنید.",
    "Choose a supervisor or a higher-tier team to escalate to.":
        "سرپرست یا تیمی در سطح بالاتر برای ارجاع انتخاب کنید.",
    "You cannot escalate a ticket to yourself.": "نمی‌توانید درخواستی را به خودتان ارجاع دهید.",
    "{name} is {role}; hierarchical escalations go to a supervisor or a manager.":
        "{name} «{role}» است؛ ارجاع سلسله‌مراتبی به سرپرست یا مدیر می‌رود.",
    "{team} is tier {tier}; escalating up needs a team above tier {needed}. To hand the "
    "ticket to a team at the same tier, escalate functionally.":
        "{team} در سطح {tier} است؛ ارجاع به بالا به تیمی بالاتر از سطح {needed} نیاز دارد. "
        "برای سپردن درخواست به تیمی هم‌سطح، ارجاع تخصصی بدهید.",
    "{reference} is not escalated; nothing to return.":
        "{reference} ارجاع نشده است؛ چیزی برای بازگرداندن نیست.",
    "{reference} is {status}; reopen it before escalating.":
        "{reference} در وضعیت «{status}» است؛ پیش از ارجاع آن را بازگشایی کنید.",
    "That escalation does not exist.": "این ارجاع وجود ندارد.",
    "Only the receiver of the escalation of {reference} or their supervisor may "
    "acknowledge it.":
        "تنها گیرنده‌ی ارجاع {reference} یا سرپرست او می‌تواند آن را تأیید کند.",
    "The escalation of {reference} was already acknowledged by {by}.":
        "ارجاع {reference} را پیش‌تر {by} تأیید کرده است.",
    "Choose a reason for the escalation.": "دلیلی برای ارجاع انتخاب کنید.",
    "That is not one of the desk's escalation reasons; choose one from the list.":
        "این یکی از دلیل‌های ارجاع این میز نیست؛ یکی را از فهرست انتخاب کنید.",
    "The reason needs a code of letters or digits.": "دلیل به کدی از حروف یا رقم‌ها نیاز دارد.",
    "A reason with code {reason} already exists.": "دلیلی با کد {reason} از پیش وجود دارد.",
    "That escalation reason does not exist (any more).": "این دلیل ارجاع (دیگر) وجود ندارد.",
    "Select at least one ticket to reassign.":
        "دست‌کم یک درخواست برای واگذاری دوباره انتخاب کنید.",
    "{count} tickets selected; move at most {limit} at once.":
        "{count} درخواست انتخاب شده است؛ هر بار حداکثر {limit} درخواست را جابه‌جا کنید.",
    "Choose an agent or a team to move the tickets to.":
        "کارشناس یا تیمی برای جابه‌جایی درخواست‌ها انتخاب کنید.",
    "Only a signed-in person can save views.": "تنها کاربر واردشده می‌تواند نما ذخیره کند.",
    "Choose at least one filter to save as a view.":
        "دست‌کم یک فیلتر برای ذخیره به‌صورت نما انتخاب کنید.",
    "That view does not exist (any more).": "این نما (دیگر) وجود ندارد.",
    # field names in service errors (ErrorFields)
    "Body": "متن",
    "Category": "دسته",
    "Description": "شرح",
    "Direction": "جهت",
    "Display name": "نام نمایشی",
    "Kind": "نوع",
    "Language": "زبان",
    "Message": "پیام",
    "Name": "نام",
    "Notes": "یادداشت‌ها",
    "Reason": "دلیل",
    "Role": "نقش",
    "Segment": "گروه مشتری",
    "Team name": "نام تیم",
    "Title": "عنوان",
    "View name": "نام نما",
    # strings of other areas not (yet) in their own catalogue
    "Via:": "از راه:",
    "Reply channel": "کانال پاسخ",
    "The customer has no contact details for this channel":
        "مشتری برای این کانال اطلاعات تماس ندارد",
    "Click a number to call it": "برای تماس روی شماره کلیک کنید",
    "Connection lost — reconnecting…": "اتصال قطع شد — در حال اتصال دوباره…",
    "Default columns": "ستون‌های پیش‌فرض",
    "More than %1 tickets in view": "بیش از %1 درخواست در این نما",
    "Skills:": "مهارت‌ها:",
}


def fill(path: Path = TS) -> tuple[int, int]:
    tree = ET.parse(path)
    done = missing = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") not in ("unfinished", None) or (
            translation.text and translation.get("type") != "unfinished"
        ):
            done += 1
            continue
        if source in FA:
            translation.text = FA[source]
            translation.attrib.pop("type", None)
            done += 1
        else:
            missing += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return done, missing


if __name__ == "__main__":
    done, missing = fill(Path(sys.argv[1]) if len(sys.argv) > 1 else TS)
    print(f"{done} translated, {missing} left for a translator")
