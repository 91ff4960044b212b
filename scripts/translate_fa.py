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
