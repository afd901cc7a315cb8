# vigil — پیام‌های فارسی.
# Keys are kebab-case, grouped by page. The three files must define the same ids.

## Application

app-name = Vigil
app-tagline = پایش حمایت از پناهندگان و آوارگان

## Layout: skip link, header, footer

skip-to-content = رفتن به محتوای اصلی
header-user-label = کاربر واردشده
header-role = نقش: { $role }
footer-confidential = محرمانه: این سامانه داده‌های حمایتی را نگه می‌دارد. آن‌ها را فقط در چارچوب توافق‌نامهٔ اشتراک داده به اشتراک بگذارید.
footer-licence = نرم‌افزار آزاد، با مجوز AGPL-3.0-or-later.

## Navigation

nav-label = ناوبری اصلی
nav-dashboard = داشبورد
nav-registry = ثبت‌نام
nav-incidents = رخدادها
nav-agreements = توافق‌نامه‌ها
nav-resettlement = اسکان مجدد
nav-reports = گزارش‌ها
nav-audit = ردپای حسابرسی
nav-users = کاربران
nav-account = حساب کاربری
nav-api-tokens = توکن‌های API
nav-sign-in = ورود
nav-sign-out = خروج
nav-area-registry = ثبت‌نام
nav-people = افراد
nav-area-documentation = مستندسازی
nav-area-admin = مدیریت

## Language switch

lang-switch-label = زبان
lang-en = انگلیسی
lang-fa = فارسی
lang-ar = عربی

## Demo mode

demo-ribbon = دادهٔ نمایشی — همهٔ ساکنان ساختگی‌اند

## Login page

login-title = ورود به سامانه
login-intro = با حسابی وارد شوید که مدیر سامانه برایتان ساخته است.
login-username = نام کاربری
login-password = گذرواژه
login-submit = ورود
login-failed = ورود ناموفق بود. نام کاربری و گذرواژه را بررسی کنید، یا چند دقیقه صبر کنید و دوباره تلاش کنید.

## Dashboard

dashboard-title = داشبورد

## Roles

role-admin = مدیر سامانه
role-registrar = مسئول ثبت‌نام
role-case-officer = کارشناس پرونده
role-documenter = مستندنگار
role-analyst = تحلیلگر
role-observer = ناظر

## Errors

error-not-found-title = صفحه پیدا نشد
error-not-found = صفحه یا پرونده‌ای که خواستید وجود ندارد، یا به آن دسترسی ندارید.
error-forbidden-title = دسترسی مجاز نیست
error-forbidden = نقش شما اجازهٔ این کار را نمی‌دهد.
error-bad-request-title = درخواست نامعتبر
error-bad-request = درخواست قابل پردازش نبود. فرم را بررسی کنید و دوباره تلاش کنید.
error-server-title = خطایی رخ داد
error-server = خطای پیش‌بینی‌نشده‌ای رخ داد. دوباره تلاش کنید؛ اگر تکرار شد، به مدیر سامانه اطلاع دهید.
error-evidence-damaged = فایل ذخیره‌شدهٔ این مدرک پیدا نمی‌شود یا تغییر کرده است، پس نمی‌توان آن را تحویل داد. به مدیر سامانه اطلاع دهید: فرمان ‎`vigil evidence verify`‎ آسیب را پیدا می‌کند و پوشهٔ مدارک باید از نسخهٔ پشتیبان بازگردانده شود.
error-session-expired-title = نشست منقضی شد
error-session-expired = نشست شما منقضی شده است. لطفاً دوباره وارد شوید.
error-csrf-title = فرم منقضی شد
error-csrf = این فرم منقضی شده یا از صفحهٔ دیگری فرستاده شده است. صفحه را دوباره بارگذاری کنید و دوباره تلاش کنید.
error-back-home = بازگشت به داشبورد

## Common words and counts

common-save = ذخیره
common-cancel = انصراف
common-search = جستجو
common-edit = ویرایش
common-delete = حذف
common-back = بازگشت
common-next = بعدی
common-previous = قبلی
common-yes = بله
common-no = خیر
common-none = هیچ
# Persian nouns stay singular after a number, so both forms read "N نفر".
common-people-count =
    { $count ->
        [one] { $count } نفر
       *[other] { $count } نفر
    }


## خطاها و پیام‌ها

error-title = مشکلی پیش آمد
error-bad-form = فرم خوانده نشد. صفحه را دوباره بارگیری کنید و دوباره بکوشید.
error-conflict = این مورد از پیش وجود دارد.
error-refused = این تغییر پذیرفته نشد: هیچ مدیر فعالی باقی نمی‌ماند.
error-too-large = درخواست بیش از اندازه بزرگ است.
flash-saved = ذخیره شد.
flash-password-changed = گذرواژهٔ شما تغییر کرد. با گذرواژهٔ تازه دوباره وارد شوید.
flash-password-reset = گذرواژه بازنشانی شد و نشست‌های این حساب بسته شد.
flash-token-revoked = توکن باطل شد.

## نام فیلدها

field-username = نام کاربری
field-password = گذرواژه
field-full-name = نام کامل
field-contact = راه تماس
field-role = نقش
field-name = نام
field-days = اعتبار (روز)
field-confirm = تکرار گذرواژهٔ تازه
field-current-password = گذرواژهٔ کنونی

## اعتبارسنجی

invalid-role = یکی از نقش‌های فهرست را برگزینید.
invalid-username-length = باید بین ۳ تا ۳۲ نویسه باشد.
invalid-username-chars = تنها حروف a–z، رقم‌ها و . _ - مجاز است.
invalid-text-length = حداکثر ۲۰۰ نویسه.
invalid-text-control = نباید نویسهٔ کنترلی داشته باشد.
invalid-password-short = دست‌کم ۱۲ نویسه.
invalid-password-long = حداکثر ۱۲۸ نویسه.
invalid-token-name = باید بین ۱ تا ۸۰ نویسه باشد.
invalid-token-days = باید عددی درست از ۱ تا ۳۶۶ روز باشد.
invalid-current-password = گذرواژهٔ کنونی شما نیست.
invalid-password-mismatch = دو گذرواژهٔ تازه یکسان نیستند.

## داشبورد

dashboard-accounts = حساب‌های فعال بر پایهٔ نقش
dashboard-sessions = نشست‌های باز
dashboard-audit-entries = ثبت‌های ردپای حسابرسی
dashboard-checkpoints = نقطه‌های بازبینی امضاشده
dashboard-last-checkpoint = آخرین نقطهٔ بازبینی
dashboard-never = هرگز
dashboard-observer-note = نقش شما خواندن گزارش‌هایی است که برای ناظران منتشر شده‌اند (پایین‌تر).
dashboard-audit-link = اکنون ردپای حسابرسی را بررسی کنید

## حساب

account-title = حساب شما
account-username = نام کاربری
account-role = نقش
account-personal = داده‌های شخصی
account-show-personal = نمایش داده‌های شخصی
account-personal-audited = هر بار دیدن داده‌های شخصی در ردپای حسابرسی ثبت می‌شود.
account-none = ثبت نشده
account-change-password = تغییر گذرواژه
account-new-password = گذرواژهٔ تازه (دست‌کم ۱۲ نویسه)
account-save-password = تغییر گذرواژه
account-tokens-link = توکن‌های شخصی API

## توکن‌های API

tokens-title = توکن‌های شخصی API
tokens-intro = توکن به یک برنامه اجازه می‌دهد با نقش شما از API استفاده کند. مانند گذرواژه از آن نگهداری کنید.
tokens-create = ساخت توکن
tokens-created-once = توکن تازهٔ شما تنها همین یک بار نمایش داده می‌شود. همین حالا آن را رونوشت کنید.
tokens-prefix = توکن
tokens-created = ساخته‌شده
tokens-expires = انقضا
tokens-last-used = آخرین استفاده
tokens-revoke = ابطال
tokens-revoked = باطل‌شده
tokens-none = توکنی ندارید.
tokens-never = هرگز

## کاربران

users-title = کاربران
users-create = افزودن حساب
users-create-submit = افزودن حساب
users-created-password = حساب ساخته شد. گذرواژهٔ آن تنها همین یک بار نمایش داده می‌شود: آن را حضوری تحویل دهید.
users-search = یافتن حساب با نام
users-search-name = نام کامل (دقیق؛ بزرگی و کوچکی حروف و فاصله‌ها مهم نیست)
users-search-submit = یافتن
users-found = حساب‌های یافته‌شده
users-none-found = هیچ حسابی با این نام نیست.
users-status = وضعیت
users-active = فعال
users-disabled = غیرفعال
user-title = حساب
user-personal = داده‌های شخصی
user-show-personal = نمایش داده‌های شخصی
user-save-personal = ذخیرهٔ داده‌های شخصی
user-role-change = نقش و وضعیت
user-save-role = تغییر نقش
user-disable = غیرفعال‌کردن حساب
user-enable = فعال‌کردن حساب
user-reset-password = بازنشانی گذرواژه
user-reset-hint = برای ساخت خودکار گذرواژه خالی بگذارید. در هر دو حالت نشست‌های حساب بسته می‌شود.
user-new-password-once = گذرواژهٔ تازه تنها همین یک بار نمایش داده می‌شود: آن را حضوری تحویل دهید.
user-audit-link = این حساب در ردپای حسابرسی

## ردپای حسابرسی

audit-title = ردپای حسابرسی
audit-actor = انجام‌دهنده
audit-action = کنش
audit-object-type = نوع موضوع
audit-object-id = شناسهٔ موضوع
audit-apply = پالایش
audit-seq = شماره
audit-at = زمان (UTC)
audit-summary = خلاصه
audit-object = موضوع
audit-next = ثبت‌های قدیمی‌تر
audit-verify-link = بررسی کل ردپا
audit-none = هیچ ثبتی یافت نشد.
audit-verify-title = بررسی ردپای حسابرسی
audit-verify-ok = ردپای حسابرسی دست‌نخورده است: هر ثبت به ثبت پیشین پیوند دارد و همهٔ نقطه‌های بازبینی امضاشده می‌خوانند.
audit-verify-failed = ردپای حسابرسی در بررسی رد شد. ممکن است تاریخچه دست‌کاری شده باشد:
audit-verify-entries = ثبت‌های بررسی‌شده
audit-verify-checkpoints = نقطه‌های بازبینی بررسی‌شده
audit-verify-last-hash = هش آخرین ثبت
audit-verify-public-key = کلید عمومی نقطه‌های بازبینی (برای طرف‌های سوم)

## Charts
chart-no-data = داده‌ای برای نمایش نیست
chart-female = زن
chart-male = مرد
chart-people = تعداد افراد

## ثبت: اردوگاه‌ها

nav-sites = اردوگاه‌ها
sites-title = اردوگاه‌ها و مکان‌ها
sites-none = هنوز مکانی ثبت نشده است.
sites-present = حاضر در حال حاضر
sites-create = افزودن مکان
site-title = مکان
site-people-link = افراد این مکان
site-population-now = جمعیت کنونی بر پایهٔ جنس و سن
site-pyramid-desc = زنان و دختران در یک سو، مردان و پسران در سوی دیگر، بر پایهٔ گروه‌های سنی کمیساریا.
site-population-over-time = جمعیت در گذر زمان
site-age-band = گروه سنی
site-age-unknown = سال تولد ثبت نشده
site-table = ارقام به صورت جدول
site-month = ماه
site-edit = ویرایش این مکان
site-kind-camp = اردوگاه
site-kind-transit = محل ترانزیت
site-kind-settlement = سکونتگاه
site-kind-other = دیگر

## ثبت: افراد

people-title = ثبت افراد
people-none = کسی یافت نشد.
person-new-title = ثبت یک فرد
person-new-note = نام‌ها، تاریخ تولد، شمارهٔ مدرک، تلفن و یادداشت‌ها داده‌های شخصی‌اند: رمزگذاری‌شده نگهداری می‌شوند و تنها به نقش‌هایی که نیاز دارند نمایش داده می‌شوند.
person-personal-legend = داده‌های شخصی
person-record-legend = پرونده
person-place-legend = مکان و خانوار
person-new-household = آغاز خانوار تازه با این فرد
person-register = ثبت
person-title = فرد
person-possible-duplicates = ممکن است این فرد پیش‌تر ثبت شده باشد. مقایسه کنید با:
person-household-members = اعضای خانوار
person-needs = نیازهای ویژه
person-history = وضعیت و مکان در گذر زمان
person-move = ثبت جابه‌جایی یا تغییر وضعیت
person-move-scope = چه کسی جابه‌جا می‌شود
person-move-household = کل خانوار
person-move-person = تنها این فرد (اگر خانوار را جدا کند پذیرفته نمی‌شود)
person-move-split = تنها این فرد، با جدا کردن خانوار
common-all = همه

## فیلدهای ثبت

field-code = کد
field-kind = نوع
field-country = کشور (کد سه‌حرفی ISO 3166)
field-capacity = ظرفیت
field-name-en = نام به انگلیسی
field-name-fa = نام به فارسی
field-name-ar = نام به عربی
field-lat = عرض جغرافیایی
field-lon = طول جغرافیایی
field-site = مکان
field-status = وضعیت
field-need = نیاز ویژه
field-min-household = اندازهٔ خانوار دست‌کم
field-sex = جنس
field-birth-year = سال تولد
field-name-latin = نام (به خط لاتین)
field-name-original = نام (به خط اصلی)
field-birth-date = تاریخ تولد
field-document = شمارهٔ مدرک
field-phone = تلفن
field-notes = یادداشت‌ها
field-nationality = تابعیت (کد سه‌حرفی ISO 3166)
field-languages = زبان‌ها (ISO 639)
field-protection = وضعیت حمایتی
field-urgency = فوریت
field-vulnerability = نیاز ویژه
field-external-id = شناسهٔ بیرونی
field-relationship = نسبت با سرپرست خانوار
field-household = خانوار
field-date = تاریخ
field-reason = دلیل

## مقادیر

sex-female = زن
sex-male = مرد
sex-other = دیگر
sex-unknown = ثبت نشده
status-present = حاضر
status-transferred = منتقل‌شده
status-resettled = اسکان‌یافته در کشور سوم
status-departed = رفته
status-deceased = درگذشته
status-missing = ناپدید
protection-asylum-seeker = پناه‌جو
protection-mandate-refugee = پناهندهٔ تحت حمایت کمیساریا
protection-protected-person = فرد تحت حمایت
protection-stateless = بی‌تابعیت
protection-other = دیگر
protection-unknown = ثبت نشده
vulnerability-serious-medical = بیماری جدی
vulnerability-disability = معلولیت
vulnerability-older-person = سالمند در معرض خطر
vulnerability-child-at-risk = کودک در معرض خطر
vulnerability-woman-at-risk = زن در معرض خطر
vulnerability-survivor-of-torture = بازماندهٔ شکنجه
vulnerability-survivor-of-violence = بازماندهٔ خشونت
vulnerability-legal-physical-protection = نیاز به حمایت حقوقی یا جانی
urgency-normal = عادی
urgency-urgent = فوری
urgency-emergency = اضطراری
relationship-head = سرپرست خانوار
relationship-spouse = همسر
relationship-child = فرزند
relationship-parent = پدر یا مادر
relationship-sibling = خواهر یا برادر
relationship-other = دیگر

## اعتبارسنجی (ثبت)

invalid-country = کد سه‌حرفی ISO 3166 مانند IRQ لازم است.
invalid-site-code = باید ۲ تا ۱۶ نویسه از A–Z، ۰–۹ و - باشد.
invalid-site-kind = اردوگاه، محل ترانزیت، سکونتگاه یا دیگر را برگزینید.
invalid-required = لازم است.
invalid-number = عدد لازم است.
invalid-count = عددی درست در محدودهٔ مجاز لازم است.
invalid-latitude = باید بین ‎-90 و 90 باشد.
invalid-longitude = باید بین ‎-180 و 180 باشد.
invalid-coordinates = هر دو مختصات را بدهید یا هیچ‌کدام را.
invalid-person-code = کدی مانند VG-7K3Q-2M لازم است.
invalid-choice = یکی از مقادیر فهرست را برگزینید.
invalid-date = تاریخ به صورت YYYY-MM-DD لازم است.
invalid-name-required = نامی به خط لاتین یا خط اصلی بدهید.
invalid-birth-year-mismatch = با تاریخ تولد نمی‌خواند.
invalid-language = کدهای ISO 639 مانند fa، ar، ku لازم است.
invalid-external-id = حداکثر ۶۴ نویسهٔ دیدنی ASCII.
invalid-phone = تنها رقم، فاصله و + - ( ) مجاز است.
invalid-site = مکانی با این کد نیست.

## ورود داده

import-title = ورود افراد از فایل
import-intro = فایلی CSV یا XLSX با قالب vigil بارگذاری کنید. نخست همهٔ ردیف‌ها بررسی می‌شوند؛ اگر ردیفی نادرست باشد هیچ چیز وارد نمی‌شود و گزارش می‌گوید کدام ردیف و کدام ستون را درست کنید. ردیف‌هایی که شناسهٔ بیرونی‌شان از پیش شناخته است، آن افراد را به‌روز می‌کنند.
import-file = فایل (CSV یا XLSX، حداکثر ۵۰ مگابایت)
import-dry-run = تنها بررسی فایل؛ چیزی نوشته نشود
import-submit = بررسی و ورود
import-template-csv = قالب (CSV)
import-template-xlsx = قالب (XLSX)
import-report = گزارش
import-rows = ردیف‌های خوانده‌شده
import-accepted = ردیف‌های پذیرفته
import-rejected = ردیف‌های ردشده
import-line = سطر
import-column = ستون
field-vulnerabilities = نیازهای ویژه
import-problem = مشکل
import-warnings = هشدارها
import-nothing-written = هیچ چیز وارد نشد. ردیف‌های فهرست‌شده در زیر را درست کنید و فایل را دوباره وارد کنید.
import-dry-run-ok = همهٔ ردیف‌ها پذیرفته شدند. این تنها یک بررسی بود: چیزی نوشته نشد.
import-done = وارد شد: { $added } افزوده، { $updated } به‌روزشده، { $households } خانوار ساخته‌شده.
import-file-error = فایل خوانده نشد:
import-age-approximate = سال تولد از روی سن برآورد شد.
import-age-mismatch = سن با تاریخ تولد نمی‌خواند.
import-column-conflict = یک سرستون و هشتگ HXL آن به دو ستون متفاوت اشاره می‌کنند.
import-duplicate-column = این ستون دو بار آمده است.
import-duplicate-id = همین شناسهٔ بیرونی در سطر دیگری هم آمده است.
import-example-row = این ردیف نمونهٔ قالب است؛ آن را پاک کنید.
import-external-id-required = هر ردیف شناسهٔ بیرونی لازم دارد تا ورود دوباره به‌روزرسانی کند، نه تکرار.
import-extra-cells = این ردیف از سرستون‌ها خانهٔ بیشتری دارد.
import-formula = شبیه فرمول صفحه‌گسترده است؛ برای حفاظت از کسی که خروجی را باز می‌کند پذیرفته نشد.
import-household-split = اعضای این خانوار در مکان‌های گوناگون‌اند.
import-missing-column = ستونی لازم نیست.
import-no-rows = فایل ردیف داده ندارد.
import-relationship-needs-household = نسبت خانوادگی بدون خانوار معنا ندارد.
import-two-heads = این خانوار دو سرپرست دارد.
import-unknown-columns = ستون ناشناخته؛ نام ستون‌ها را در قالب ببینید.
import-unnamed-column = ستونی نام ندارد.
invalid-household = شناسهٔ خانوار حداکثر ۶۴ نویسهٔ دیدنی.
table-bad-utf16 = فایل UTF-16 معتبر نیست.
table-cell-error = خانه‌ای خطای صفحه‌گسترده دارد.
table-cell-too-long = خانه‌ای بیش از ۱۰٬۰۰۰ نویسه دارد.
table-empty = فایل خالی است.
table-extension-mismatch = محتوای فایل با نامش نمی‌خواند.
table-no-header = فایل ردیف سرستون ندارد.
table-no-sheet = کارپوشه برگه‌ای ندارد.
table-not-a-table = فایل جدول CSV یا XLSX نیست.
table-not-utf8 = فایل UTF-8 نیست (آن را با UTF-8 یا UTF-16 ذخیره کنید).
table-nul = فایل نویسهٔ NUL دارد.
table-old-office = فایل‌های قدیمی اکسل (.xls) خوانده نمی‌شوند؛ با قالب .xlsx یا CSV ذخیره کنید.
table-rows-out-of-order = ردیف‌های کارپوشه به‌هم‌ریخته‌اند.
table-too-large = فایل بزرگ‌تر از ۵۰ مگابایت است.
table-too-many-cells = فایل خانه‌های بیش از اندازه دارد.
table-too-many-columns = فایل بیش از ۲۰۰ ستون دارد.
table-too-many-rows = فایل بیش از ۱٬۰۰۰٬۰۰۰ ردیف دارد.
table-too-much-text = فایل متن بیش از اندازه دارد.
table-unclosed-quote = خانه‌ای با گیومه باز مانده و بسته نشده است.
table-unpacked-too-large = کارپوشه پس از گشودن بیش از ۵۱۲ مگابایت است.
table-unreadable = کارپوشه خوانده نمی‌شود.
table-utf16-without-bom = UTF-16 بدون نشانهٔ ترتیب بایت؛ با آن نشانه یا با UTF-8 ذخیره کنید.
table-utf32 = فایل‌های UTF-32 خوانده نمی‌شوند؛ با UTF-8 ذخیره کنید.

## داشبورد: ثبت

dashboard-registry = ثبت افراد
dashboard-people-present = نفر حاضر در مکان‌ها
dashboard-people = افراد ثبت‌شده
dashboard-households = خانوارها

## موارد تکراری و فهرست مراقبت

nav-matches = موارد تکراری
nav-watchlist = فهرست مراقبت
matches-title = موارد احتمالاً تکراری
matches-intro = هشدارهایی که هنگام ثبت، ورود داده یا ویرایش یک نفر پدید آمده‌اند: شمارهٔ مدرک یکسان، نام یکسان (با هر املایی) با سال تولدی که حداکثر دو سال فاصله دارد، یا نامی که در فهرست مراقبت است. دو پرونده را مقایسه کنید و تصمیم بگیرید: یک نفرند (پرونده‌ها با حفظ سابقه ادغام می‌شوند) یا دو نفر متفاوت (این دو دیگر هرگز با هم علامت نمی‌خورند).
matches-open-count =
    { $count ->
        [one] { $count } هشدار برای بررسی
       *[other] { $count } هشدار برای بررسی
    }
matches-none-open = هشداری برای بررسی نیست.
matches-none = هشداری با این وضعیت نیست.
matches-flag = هشدار
matches-person-a = پروندهٔ الف
matches-person-b = پروندهٔ ب
matches-raised = تاریخ هشدار
matches-watch-list = فهرست مراقبت
matches-review = بررسی
match-title = مورد احتمالاً تکراری
match-decided = تصمیم‌گیری
match-watch-explained = نام این فرد با یکی از نام‌های فهرست مراقبت جور درآمده است. تنها مدیران می‌توانند فهرست را ببینند؛ شما فقط دستهٔ آن را می‌بینید.
match-show-personal = نمایش اطلاعات شخصی هر دو (در ردپای حسابرسی ثبت می‌شود)
match-decide = تصمیم
match-decision-not-listed = همان فرد فهرست نیست
match-merge-explained = اگر یک نفرند، پروندهٔ دیگر در پرونده‌ای که کدش را نگه می‌دارید ادغام می‌شود: سابقه، نیازها و خانوارش منتقل می‌شوند و از این پس کد آن به پروندهٔ نگه‌داشته می‌رسد.
match-reason-hint = دلیل را بدون نام یا هر اطلاعات شخصی دیگر بنویسید (مثلاً «مدرک یکسان دیده شد»، «نام پدرها بررسی شد و متفاوت است»). در ردپای حسابرسی ثبت می‌شود.
match-decide-submit = ثبت تصمیم
field-flag-status = وضعیت هشدار
field-match-reason = علت هشدار
field-decision = تصمیم
field-decision-reason = دلیل تصمیم
field-keep = کدِ کدام پرونده بماند
field-watch-name = نام
field-watch-category = دسته
field-watch-note = یادداشت
match-reason-document = شمارهٔ مدرک یکسان
match-reason-name-birth-year = نام یکسان، سال تولد نزدیک
match-reason-watch-list = نام در فهرست مراقبت
flag-status-open = باز
flag-status-merged = یک نفر (ادغام‌شده)
flag-status-distinct = دو نفر متفاوت
flag-status-confirmed = تطابق با فهرست مراقبت تأیید شد
flag-status-superseded = با یک ادغام منتفی شد
decision-same = یک نفرند: پرونده‌ها ادغام شوند
decision-distinct = دو نفر متفاوت‌اند
decision-confirmed = تطابق درست است
watch-category-known-agent = مأمور شناخته‌شده
watch-category-impersonator = جاعل هویت
watch-category-infiltrator = نفوذی
watch-category-other = سایر
invalid-note-length = حداکثر ۱٬۰۰۰ نویسه باشد.
invalid-watch-name = نامی با حروف لاتین، فارسی یا عربی وارد کنید.
invalid-decision-watch = تطابق با فهرست مراقبت تأیید یا رد می‌شود، نه ادغام.
invalid-decision-pair = دو پرونده یا یک نفرند یا دو نفر متفاوت.
flash-match-merged = پرونده‌ها ادغام شدند.
flash-match-decided = تصمیم ثبت شد.
error-match-decided = دربارهٔ این هشدار پیش‌تر تصمیم گرفته شده است.
flash-watch-added = نام به فهرست مراقبت افزوده شد؛ افرادی که پیش‌تر با این نام ثبت شده‌اند علامت خوردند.
flash-watch-removed = این مورد از فهرست مراقبت برداشته شد.
person-review-flags = آن‌ها را در صف موارد تکراری بررسی کنید
person-merged-from = پرونده‌های ادغام‌شده
person-merged-record = پروندهٔ ادغام‌شده
person-status-merged = در پروندهٔ دیگری ادغام شده
import-flagged =
    { $count ->
        [one] { $count } نفر از واردشدگان ممکن است تکراری باشد یا با فهرست مراقبت جور درآید: صف موارد تکراری را ببینید.
       *[other] { $count } نفر از واردشدگان ممکن است تکراری باشند یا با فهرست مراقبت جور درآیند: صف موارد تکراری را ببینید.
    }
import-merged-skipped =
    { $count ->
        [one] { $count } سطر دست‌نخورده ماند، چون پرونده‌اش در پروندهٔ دیگری ادغام شده است.
       *[other] { $count } سطر دست‌نخورده ماندند، چون پرونده‌هایشان در پرونده‌های دیگری ادغام شده‌اند.
    }
watchlist-title = فهرست مراقبت
watchlist-intro = نام مأموران شناخته‌شده، جاعلان هویت و نفوذی‌ها. ثبت یا ورود داده‌ی کسی با یکی از این نام‌ها، با هر املایی، برای ثبت‌کنندگان هشدار می‌سازد و آنان تنها دستهٔ آن را می‌بینند.
watchlist-audited = نام‌ها و یادداشت‌ها اطلاعات شخصی‌اند: هر بار دیدن این فهرست در ردپای حسابرسی ثبت می‌شود.
watchlist-none = فهرست مراقبت خالی است.
watchlist-hits = هشدارها
watchlist-added = تاریخ افزودن
watchlist-removed = برداشته‌شده
watchlist-show-removed = موارد برداشته‌شده را هم نشان بده
watchlist-hide-removed = موارد برداشته‌شده را پنهان کن
watchlist-add = افزودن نام
watchlist-name-hint = یک نام به هر خطی؛ نخست نام کوچک، مانند فرم ثبت.
watchlist-add-submit = افزودن به فهرست مراقبت
watch-entry-title = مورد فهرست مراقبت
watch-entry-hits = افرادی که با این مورد علامت خورده‌اند
watch-entry-no-hits = کسی با این مورد جور درنیامده است.
watch-entry-remove = برداشتن از فهرست مراقبت
watch-entry-remove-explained = این مورد دیگر با کسی مقایسه نمی‌شود و هشدارهای باز آن بسته می‌شوند. چون هشدارهای پیشین به آن اشاره دارند، با برچسب «برداشته‌شده» نگه داشته می‌شود.
watch-entry-remove-submit = برداشتن

## Exports

people-export = خروجی
people-export-intro = فقط کدها و اطلاعات غیرشخصی، برای افرادی که فیلتر بالا نشان می‌دهد. هر خروجی در ردپای حسابرسی ثبت می‌شود.
people-export-csv = CSV (برای اکسل)
people-export-xlsx = کارپوشهٔ XLSX
people-export-personal = خروجی با اطلاعات شخصی…
people-export-population-at = جمعیت در تاریخ
people-export-population = جمعیت بر پایهٔ جنس و سن (HXL CSV)
exports-title = خروجی با اطلاعات شخصی
exports-intro = خروجی‌ای که نام‌ها و دیگر اطلاعات شخصی را در بر دارد به دو ثبت‌کننده نیاز دارد: یکی درخواستش می‌کند و دیگری تأییدش. فایل با کلید age گیرنده رمزگذاری می‌شود، فقط ثبت‌کننده‌ای که درخواست داده می‌تواند آن را بارگیری کند، آن هم تنها یک بار. اگر درخواست تا ۲۴ ساعت پس از ثبت، و تأیید تا ۲۴ ساعت پس از صدور به کار نرود، باطل می‌شود. همهٔ گام‌ها در ردپای حسابرسی ثبت می‌شوند.
exports-request = درخواست خروجی
exports-recipient-help = کلید عمومی age گیرنده (با age1 آغاز می‌شود) که با age-keygen ساخته شده است. فقط دارندهٔ کلید محرمانهٔ متناظر می‌تواند فایل را باز کند.
exports-purpose-help = در چند کلمه و بدون نام بردن از کسی، بنویسید چرا این خروجی لازم است.
exports-submit = ثبت درخواست
exports-list = درخواست‌ها
exports-none = هنوز هیچ خروجی‌ای درخواست نشده است.
exports-requested = درخواست‌شده
exports-people = افراد
exports-state = وضعیت
exports-actions = کارها
exports-decided-by = توسط
exports-expires = انقضا
exports-approve = تأیید
exports-reject = رد
exports-download = بارگیری (یک بار)
export-state-requested = در انتظار ثبت‌کنندهٔ دوم
export-state-approved = تأییدشده
export-state-rejected = ردشده
export-state-expired = منقضی‌شده
export-state-downloaded = بارگیری‌شده
field-recipient = کلید گیرنده
field-purpose = هدف
field-format = قالب
field-at = تاریخ
flash-export-requested = درخواست خروجی ثبت شد. ثبت‌کنندهٔ دیگری باید آن را تأیید کند.
flash-export-approved = خروجی تأیید شد. ثبت‌کننده‌ای که آن را درخواست کرده اکنون می‌تواند یک بار بارگیری‌اش کند.
flash-export-rejected = درخواست خروجی رد شد.
export-refused-not-self = ثبت‌کنندهٔ دیگری باید تصمیم بگیرد: نمی‌توانید درخواست خودتان را تأیید یا رد کنید.
export-refused-expired = این درخواست منقضی شده است. خروجی را دوباره درخواست کنید.
export-refused-decided = دربارهٔ این درخواست پیش‌تر تصمیم گرفته شده است.
export-refused-downloaded = این خروجی پیش‌تر بارگیری شده است؛ هر تأیید فقط یک بار بارگیری را ممکن می‌کند.
export-refused-not-approved = این خروجی هنوز تأیید نشده است.
export-refused-rejected = این خروجی رد شده است.
invalid-age-recipient = یک کلید عمومی age لازم است: age1 و پس از آن ۵۸ حرف و رقم (ساختهٔ age-keygen).
invalid-export-purpose = در یک سطر و حداکثر ۲۰۰ نویسه، بدون نام بردن از کسی، بنویسید چرا این خروجی لازم است.
invalid-export-format = CSV یا XLSX را برگزینید.
export-too-many-rows-for-xlsx = شمار افراد برای یک برگهٔ XLSX زیاد است؛ به‌جای آن CSV بگیرید.

## Registry: convoys

nav-convoys = کاروان‌ها
convoys-title = کاروان‌ها
convoys-none = هنوز کاروانی ثبت نشده است.
convoys-create = افزودن کاروان
convoy-title = کاروان
convoy-heading = کاروان { $seq }
convoy-route = مبدأ و مقصد
convoy-people = افراد
convoy-shortfalls = کسری‌ها
status-planned = برنامه‌ریزی‌شده
status-under-way = در راه
status-completed = پایان‌یافته
status-blocked = متوقف‌شده
field-seq = شمارهٔ کاروان
field-origin = مبدأ
field-destination = مقصد
field-planned-on = تاریخ برنامه‌ریزی‌شده
field-departed-on = تاریخ حرکت
field-arrived-on = تاریخ رسیدن
field-item = قلم
field-unit = واحد
field-agreed = توافق‌شده
field-allowed = اجازه‌داده‌شده
field-moved = منتقل‌شده
field-agreed-source = منبع رقم توافق‌شده
field-allowed-source = منبع رقم اجازه‌داده‌شده
field-moved-source = منبع رقم منتقل‌شده
field-left = حرکت از مبدأ
field-arrived = رسیدگان
field-missing = نرسیدگان
field-scope = چه کسی
convoy-short = کسری
convoy-short-allowed = { $item }: { $agreed } توافق‌شده، { $allowed } اجازه‌داده‌شده.
convoy-short-moved = { $item }: { $agreed } توافق‌شده، { $moved } منتقل‌شده.
convoy-short-both = { $item }: { $agreed } توافق‌شده، { $allowed } اجازه‌داده‌شده، { $moved } منتقل‌شده.
convoy-shortfall-intro =
    { $count ->
        [one] یک قلم از فهرست بار کمتر از مقدار توافق‌شده است:
       *[other] { $count } قلم از فهرست بار کمتر از مقدار توافق‌شده است:
    }
convoy-head-counts = سرشماری
convoy-listed = در فهرست
convoy-left = از مبدأ حرکت کردند
convoy-arrived = رسیدند
convoy-did-not-arrive = حرکت کردند ولی نرسیدند
convoy-marked-missing = مفقود ثبت‌شده
convoy-counts-not-recorded = سرشماری هنگام پایان کاروان ثبت می‌شود.
convoy-unaccounted =
    { $count ->
        [one] یک نفر که حرکت کرد نرسیده و هنوز مفقود ثبت نشده است.
       *[other] { $count } نفر که حرکت کردند نرسیده‌اند و هنوز مفقود ثبت نشده‌اند.
    }
convoy-unlisted =
    { $count ->
        [one] یک نفر بیش از فهرست حرکت کرد.
       *[other] { $count } نفر بیش از فهرست حرکت کردند.
    }
convoy-manifest = فهرست بار و اموال
convoy-manifest-none = هنوز قلمی در فهرست بار نیست.
convoy-sources = منابع
convoy-totals = جمع
convoy-line-add = افزودن قلم به فهرست بار
convoy-line-edit = ویرایش
convoy-line-remove = حذف این قلم
convoy-source-note = برای هر رقم بنویسید از کجا آمده است: سند، گزارش یا بیانیه. هرگز اطلاعات شخصی ننویسید.
convoy-add = افزودن
convoy-members = افراد این کاروان
convoy-members-none = هنوز کسی در فهرست نیست.
convoy-outcome = نتیجه
convoy-outcome-listed = در فهرست
convoy-outcome-arrived = رسید
convoy-outcome-missing = مفقود
convoy-remove = حذف
convoy-remove-household = حذف کل خانوار
convoy-remove-person = حذف فقط همین فرد (خانوار جدا می‌شود)
convoy-add-people = افزودن خانوار
convoy-add-code = کد یکی از اعضای خانوار
convoy-scope-household = کل خانوار (اعضای حاضر در مبدأ)
convoy-scope-split = فقط همین فرد، با جدا کردن خانوار
convoy-complete = پایان کاروان
convoy-complete-note = همهٔ افراد کاروان از تاریخ رسیدن در { $destination } حاضر ثبت می‌شوند، جز کسانی که «نرسیدند» علامت خورده‌اند؛ آنان مفقود ثبت می‌شوند. این کار برگشت‌پذیر نیست.
convoy-complete-blocked = این کاروان متوقف شده است. پیش از پایان دادن، وضعیت آن را تغییر دهید.
convoy-left-hint =
    { $count ->
        [one] اگر تنها فرد فهرست حرکت کرد، خالی بگذارید.
       *[other] اگر هر { $count } نفرِ فهرست حرکت کردند، خالی بگذارید.
    }
convoy-missing-legend = نرسیدند (مفقود ثبت می‌شوند)
convoy-edit = ویرایش این کاروان
convoy-mark-missing = ثبت کسانی که نرسیدند
convoy-mark-missing-note = این افراد از تاریخ رسیدن کاروان مفقود ثبت می‌شوند. اگر شمار رسیدگان نادرست بوده، آن را هم اصلاح کنید.
convoy-arrived-correction = شمار اصلاح‌شدهٔ رسیدگان (اختیاری)
convoy-flash-added = به کاروان افزوده شد.
convoy-flash-removed = از کاروان حذف شد.
convoy-flash-line-removed = قلم از فهرست بار حذف شد.
convoy-flash-completed = کاروان پایان یافت: افراد آن اکنون در مقصد ثبت شده‌اند.
convoy-flash-missing = ثبت شد.
convoy-refused-completed = این کاروان پایان یافته است؛ فهرست و مسیر آن دیگر تغییر نمی‌کند.
convoy-refused-blocked = کاروان متوقف‌شده را نمی‌توان پایان داد. نخست وضعیت آن را تغییر دهید.
convoy-refused-not-completed = این کاروان هنوز پایان نیافته است.
convoy-refused-not-at-origin = یکی از افراد کاروان دیگر در مبدأ حاضر نیست. نخست او را از کاروان حذف کنید.
convoy-invalid-same-site = باید با مبدأ فرق داشته باشد.
convoy-invalid-status-completed = پایان کاروان با فرمی ثبت می‌شود که افراد آن را جابه‌جا می‌کند.
convoy-invalid-arrival-before-departure = نباید پیش از تاریخ حرکت باشد.
convoy-invalid-text-length = بیش از اندازه بلند است.
convoy-invalid-no-quantity = دست‌کم یکی از مقدارهای توافق‌شده، اجازه‌داده‌شده یا منتقل‌شده را وارد کنید.
convoy-invalid-more-arrived = نمی‌تواند از شمار کسانی که حرکت کردند بیشتر باشد.
convoy-invalid-origin-has-people = پیش از تغییر مبدأ، افراد را از کاروان حذف کنید.
convoy-invalid-would-split = با این کار خانوار از هم جدا می‌شود: کل خانوار را بیفزایید یا جدا کردن را برگزینید.
convoy-invalid-unknown-person = هیچ فردی این کد را ندارد.
convoy-invalid-not-at-origin = این فرد در مبدأ کاروان حاضر نیست.
convoy-invalid-on-other-convoy = این فرد در کاروان دیگری است که هنوز نرسیده است.
convoy-invalid-not-listed = این فرد در این کاروان نیست.
convoy-invalid-missing-count = شمار مفقودان بیش از کسانی است که به گواهی سرشماری نرسیدند.
convoy-invalid-left-below-listed = شمار حرکت‌کنندگان کمتر از فهرست است: نخست کسانی را که ماندند از کاروان حذف کنید.
convoy-invalid-not-at-destination = یکی از افراد برگزیده دیگر در مقصد حاضر ثبت نشده است.

## ثبت: جست‌وجوی نام و خانوار

people-name-search = جست‌وجو با نام
people-name-search-hint = هر املا یا خطی از نام کامل: «محمد» افراد با املای Mohammad و Muhammad را هم می‌یابد. جست‌وجو بدون خود نام در ردپای حسابرسی ثبت می‌شود.
people-name-search-results = افرادی که نامشان با هر املایی می‌خواند.
person-household-join = خانوار
person-household-join-hint = کد خانواری موجود (HH-…)، یا برای آغاز خانواری تازه با این فرد خالی بگذارید.

## incidents: organisations, sources, claims and incidents

nav-sources = منابع
nav-organisations = سازمان‌ها
incidents-title = رویدادها
incidents-none = هنوز رویدادی ثبت نشده است.
incidents-create = ثبت رویداد
sources-title = منابع
sources-none = هنوز منبعی نیست.
sources-create = افزودن منبع
sources-claims = ادعاهای این منبع
sources-org-hint = ناشر و طرف را با هر املایی که سازمان از پیش دارد بنویسید؛ اگر سازمان تازه است، نخست آن را بیفزایید.
orgs-title = سازمان‌ها
orgs-none = سازمانی یافت نشد.
orgs-create = افزودن سازمان
orgs-search = جست‌وجو بر پایهٔ نام
orgs-search-button = جست‌وجو
orgs-search-hint = با هر املا و هر خطی: Qods Force هم Quds Force و هم نیروی قدس را می‌یابد.
orgs-aliases-hint = دیگر املاهای نام، هر کدام در یک سطر، به هر خطی.
orgs-add-aliases = افزودن املاها
orgs-incidents = رویدادهایی که گفته می‌شود پشت آن‌هاست
orgs-sources = منابعی که منتشر کرده یا از سوی آن سخن می‌گویند
claims-none = هنوز ادعایی ثبت نشده است.
field-title = عنوان
field-category = دسته
field-started = آغاز
field-ended = پایان
field-place = مکان
field-geo-precision = دقت مکان
field-description = شرح
field-act = اقدام
field-person = فرد (کد)
field-victims = شمار قربانیان
field-age-band = گروه سنی
field-organisation = سازمان
field-involvement = میزان دخالت
field-measure = رقم
field-value = مقدار
field-verification = راستی‌آزمایی
field-org-kind = نوع سازمان
field-aliases = دیگر املاها
field-source-kind = نوع منبع
field-publisher = ناشر
field-author = نویسنده
field-published-on = تاریخ انتشار
field-language = زبان (ISO 639)
field-url = نشانی (URL)
field-affiliation = وابستگی
field-aligned-with = همسو با
field-reliability = اعتبار منبع
field-reliability-reason = دلیل این درجه
field-source = منبع
field-about = دربارهٔ
field-locator = جای آن در منبع
field-statement = آنچه منبع می‌گوید
field-values = ارقام
field-credibility = باورپذیری
category-rocket-attack = حملهٔ موشکی
category-armed-assault = یورش مسلحانه
category-killing = کشتار
category-injury = زخمی‌شدن
category-hostage-taking = گروگان‌گیری
category-medical-denial = جلوگیری از درمان
category-supply-blockade = محاصرهٔ تدارکات
category-property-seizure = مصادرهٔ اموال
category-harassment = آزار
category-surveillance = زیر نظر گرفتن
category-intimidation = ارعاب
category-information-gathering = گردآوری اطلاعات
category-infiltration = نفوذ
category-threat = تهدید
geo-precision-exact = مکان دقیق
geo-precision-near = نزدیک مکان
geo-precision-region = تنها منطقه
act-killed = کشته
act-injured = زخمی
act-detained = بازداشت
act-taken-hostage = گروگان گرفته شده
act-denied-medical-care = محروم از درمان
act-property-seized = اموال مصادره‌شده
act-threatened = تهدیدشده
act-harassed = آزاردیده
act-surveilled = زیر نظر
involvement-direct = عامل مستقیم
involvement-command = مسئولیت فرماندهی
involvement-complicity = همدستی
involvement-failure-to-act = کوتاهی در اقدام
verification-unverified = راستی‌آزمایی‌نشده
verification-corroborated = تأییدشده از چند منبع
verification-verified = راستی‌آزمایی‌شده
org-kind-un-body = نهاد سازمان ملل
org-kind-government = دولت
org-kind-embassy = سفارت
org-kind-armed-group = گروه مسلح
org-kind-ngo = سازمان غیردولتی
org-kind-media-outlet = رسانه
org-kind-residents = نمایندگان ساکنان
source-kind-article = مقاله
source-kind-statement = بیانیه
source-kind-letter = نامه
source-kind-report = گزارش
source-kind-testimony = شهادت
source-kind-photo = عکس
source-kind-video = ویدیو
affiliation-independent = مستقل
affiliation-official = رسمی
affiliation-aligned = همسو با یک طرف
reliability-a = کاملاً معتبر
reliability-b = معمولاً معتبر
reliability-c = نسبتاً معتبر
reliability-d = معمولاً نامعتبر
reliability-e = نامعتبر
reliability-f = اعتبار آن را نمی‌توان سنجید
credibility-1 = تأییدشده از سوی منابع دیگر
credibility-2 = احتمالاً درست
credibility-3 = شاید درست
credibility-4 = مشکوک
credibility-5 = نامحتمل
credibility-6 = درستی آن را نمی‌توان سنجید
incident-claims = ادعاها
incident-side-by-side = هر منبع چه می‌گوید
incident-accepted = پذیرفته در این سند
incident-accepted-reason = { $measure }: { $value }، پذیرفته از سوی { $by }، به این دلیل: { $reason }
incident-discounted-note = ردیف‌های کم‌رنگ از منبعی با درجهٔ D تا F یا ادعایی با درجهٔ ۴ تا ۶ هستند: نگه داشته و نشان داده می‌شوند، اما هرگز تأیید به شمار نمی‌آیند.
incident-corroboration = تأیید از چند منبع
incident-corroboration-rule = از روی ادعاها محاسبه می‌شود: هر صدای مستقل یک بار شمرده می‌شود (همهٔ بیانیه‌های یک طرف، یا همهٔ مقاله‌های یک رسانه، یک صدا هستند) و تنها ادعاهایی که دست‌کم شاید درست‌اند (۱ تا ۳) از منابعی که دست‌کم نسبتاً معتبرند (A تا C) به شمار می‌آیند.
incident-disputed = منابع هم‌داستان نیستند
incident-value-support =
    { $value }: { $claims ->
        [one] یک ادعا
       *[other] { $claims } ادعا
    }، { $voices ->
        [0] بی‌هیچ منبع مستقل پشتیبان
        [one] یک منبع مستقل پشتیبان
       *[other] { $voices } منبع مستقل پشتیبان
    }
incident-voices =
    { $count ->
        [0] هنوز هیچ منبع مستقلی این رویداد را تأیید نمی‌کند.
        [one] یک منبع مستقل این رویداد را تأیید می‌کند؛ برای تأیید دو منبع لازم است.
       *[other] { $count } منبع مستقل این رویداد را تأیید می‌کنند.
    }
incident-verified-by = راستی‌آزمایی از سوی { $by }: { $reason }
incident-acts = اقدام‌ها و قربانیان
incident-acts-none = هنوز اقدامی ثبت نشده است.
incident-age-unknown = نامعلوم
incident-perpetrators = عاملان ادعایی
incident-perpetrators-none = عامل ادعایی‌ای ثبت نشده است.
incident-add-claim = افزودن ادعای یک منبع
incident-set-figure = تعیین رقم پذیرفته
incident-add-act = افزودن اقدام
incident-add-perpetrator = افزودن عامل ادعایی
incident-set-verification = راستی‌آزمایی
incident-verification-hint = «تأییدشده از چند منبع» هرگز دستی تعیین نمی‌شود: از منابع نتیجه می‌شود. «راستی‌آزمایی‌شده» یعنی مستندسازی آن را بررسی کرده و می‌گوید چگونه.
incident-when-hint = تا جایی که می‌دانید دقیق بنویسید: 2013-12-26 05:30، 2013-12-26، 2013-12 یا 2013.
incident-place-hint = هرگز جای یک فرد: یک اردوگاه، یک مکان یا یک منطقه.
incident-values-hint = برای هر سنجه یک رقم: killed، injured، detained، taken_hostage، denied_medical_care، property_seized، threatened، harassed، surveilled.
incident-claims-legend = آنچه منابع می‌گویند
incident-claims-hint = اختیاری: ادعای هر منبع درباره این رویداد، که همراه با آن در یک گام ثبت می‌شود. ردیفی که منبعی ندارد نادیده گرفته می‌شود؛ ادعاهای بیشتر را می‌توان در صفحه رویداد افزود.
incident-victims-hint = کد یک فرد ثبت‌شده، یا شمار افراد — نه هر دو.
incident-invalid-when = باید به شکل 2013، 2013-12، 2013-12-26 یا 2013-12-26 05:30 باشد.
incident-invalid-end-before-start = نباید پیش از آغاز باشد.
incident-invalid-text-length = بیش از اندازه بلند است.
incident-invalid-no-victims = کد یک فرد یا شمار قربانیان را بدهید.
incident-invalid-both-victims = کد یک فرد یا شمار قربانیان را بدهید، نه هر دو را.
incident-invalid-corroborated-typed = تأیید از چند منبع از روی منابع مستقل محاسبه می‌شود و هرگز دستی تعیین نمی‌شود.
incident-invalid-unknown-person = هیچ فردی این کد را ندارد.
org-invalid-unknown = هیچ سازمانی این نام را ندارد؛ نخست آن را بیفزایید.
org-invalid-ambiguous = چند سازمان این نام را دارند؛ املایی را به کار ببرید که تنها یکی از آن‌ها دارد.
org-invalid-no-letters = باید حرف داشته باشد.
org-invalid-too-many-aliases = حداکثر ۵۰ املا.
source-invalid-reliability = باید درجه‌ای از A تا F باشد.
source-invalid-language = باید کد ISO 639 باشد، مانند fa، ar یا en.
source-invalid-url = باید نشانی‌ای باشد که با https:// یا http:// آغاز می‌شود.
source-invalid-aligned-needs-party = طرفی را که منبع با آن همسوست نام ببرید.
source-invalid-party-not-aligned = تنها منبعی که با یک طرف همسوست آن را نام می‌برد.
source-invalid-official-needs-publisher = منبع رسمی سازمانی را که آن را صادر کرده نام می‌برد.
claim-invalid-credibility = باید درجه‌ای از ۱ تا ۶ باشد.
claim-invalid-values = باید به شکل سنجه = عدد باشد، مانند killed = 35.
claim-invalid-values-repeated = هر سنجه را حداکثر یک بار بدهید.
claim-invalid-person-needed = ادعایی دربارهٔ یک فرد کد آن فرد را می‌دهد.
claim-invalid-figure-needs-values = ادعایی دربارهٔ یک رقم دست‌کم یک رقم می‌دهد، مانند killed = 35.
claim-invalid-empty = بگویید منبع چه می‌گوید، یا ارقام آن را بدهید.
claim-invalid-unknown-source = چنین منبعی نیست.
nav-timeline = گاه‌شمار و نقشه
timeline-title = گاه‌شمار و نقشه
timeline-chart-title = رویدادها بر پایهٔ ماه و دسته
timeline-chart-desc =
    { $count ->
        [one] یک رویداد، شمرده در ماهی که آغاز شد (یا سال آن، اگر تنها سال معلوم است).
       *[other] { $count } رویداد، هر کدام شمرده در ماهی که آغاز شد (یا سال آن، اگر تنها سال معلوم است).
    }
timeline-incidents = رویدادها
timeline-map-title = اردوگاه‌ها و مکان‌های رویداد
timeline-map-desc = مربع‌ها اردوگاه‌اند و دایره‌ها مکان‌های رویداد، هر کدام با شمار رویدادهایش. جای هیچ فردی هرگز کشیده نمی‌شود.
timeline-grade = منابع با درجهٔ دست‌کم
timeline-filter = نمایش
timeline-table = ارقام به شکل جدول
timeline-period = ماه
timeline-unplaced =
    { $count ->
        [one] یک رویداد مکانی با مختصات ندارد و روی نقشه نیست.
       *[other] { $count } رویداد مکانی با مختصات ندارند و روی نقشه نیستند.
    }
timeline-export = برون‌بری آنچه نشان داده شده
timeline-export-note = همیشه پالایش‌شده: قربانیان شمرده می‌شوند و هرگز نام یا کدشان نمی‌آید، و نقشه اردوگاه‌ها و مکان‌ها را دارد، هرگز جای یک فرد را.
timeline-export-acled = CSV به شکل ACLED
timeline-export-events = JSON رویدادها (شکل HURIDOCS)
timeline-export-schema = طرح‌وارهٔ JSON آن
timeline-export-geojson = GeoJSON اردوگاه‌ها و مکان‌ها
timeline-export-xlsx = همان ردیف‌ها به شکل XLSX
## resettlement

case-overview-title = اسکان مجدد
case-title = پرونده اسکان مجدد
case-heading = پرونده { $id } — خانوار { $household }
case-tabs-label = صفحه‌های اسکان مجدد
case-tab-cases = پرونده‌ها
case-tab-offers = پیشنهادهای کشورها
case-funnel-now = پرونده‌ها و افراد در هر مرحله، اکنون
case-funnel-desc =
    { $count ->
        [one] قیف اسکان مجدد: { $count } نفر در پرونده‌ها، به تفکیک مرحله.
       *[other] قیف اسکان مجدد: { $count } نفر در پرونده‌ها، به تفکیک مرحله.
    }
case-cases = پرونده‌ها
case-people = افراد
case-list = پرونده‌ها
case-all-stages = همه مرحله‌ها
case-filter = نمایش
case-none = پرونده‌ای نیست.
case-list-limited = فقط ۵۰۰ پرونده نخست فهرست شده است؛ برای دیدن بقیه یک مرحله را برگزینید.
case-number = پرونده
case-since = از
case-open = گشودن پرونده
case-household-hint = کد خانوار (HH-…) یا کد یکی از اعضای آن. همه خانوار با پرونده همراه است.
case-history = سابقه
case-recorded = ثبت‌شده
case-rejected-by = ردشده از سوی
case-offer = پیشنهاد
case-offer-option = پیشنهاد { $id }: { $country }، { $left } جای باقی‌مانده
case-next-step = ثبت گام بعدی
case-submission = ارسال پرونده
case-submission-hint = فقط برای ارسال پرونده: پیشنهادی که پرونده ذیل آن فرستاده می‌شود یا یک کشور، و اولویت و دسته آن.
case-record-step = ثبت گام
case-after-days =
    { $count ->
        [one] پس از { $count } روز
       *[other] پس از { $count } روز
    }
case-flash-step = گام ثبت شد.
field-stage = مرحله
field-priority = اولویت
field-submission-category = دسته ارسال
field-offer = پیشنهاد
field-announced-on = تاریخ اعلام
field-places = جاها
field-max-household = بزرگ‌ترین خانوار پذیرفتنی
field-medical = پذیرش موارد پزشکی جدی
stage-identified = شناسایی‌شده
stage-interviewed = مصاحبه‌شده
stage-recognised = به رسمیت شناخته‌شده
stage-submitted = ارسال‌شده
stage-accepted = پذیرفته‌شده
stage-rejected = ردشده
stage-deferred = به تعویق افتاده
stage-departure-scheduled = زمان عزیمت تعیین‌شده
stage-departed = عزیمت‌کرده
stage-withdrawn = پس‌گرفته‌شده
priority-normal = عادی
priority-urgent = فوری
priority-emergency = اضطراری
category-legal-physical-protection = نیاز به حمایت حقوقی و/یا جسمی
category-survivors-of-violence = بازماندگان خشونت و/یا شکنجه
category-medical-needs = نیازهای پزشکی
category-women-at-risk = زنان و دختران در معرض خطر
category-family-reunification = پیوستن به خانواده
category-children-at-risk = کودکان و نوجوانان در معرض خطر
category-no-alternative = نبود راه‌حل پایدار دیگر در آینده نزدیک
offers-title = پیشنهادهای کشورها
offer-title = پیشنهاد کشور
offer-heading = پیشنهاد { $id } — { $country }
offer-number = پیشنهاد
offer-used = استفاده‌شده
offer-pending = در انتظار تصمیم
offer-left = باقی‌مانده
offer-any-size = هر اندازه
offer-cases = پرونده‌های ذیل این پیشنهاد
offer-create = ثبت پیشنهاد
offer-change = تغییر پیشنهاد
offer-max-household-hint = اگر کشور خانوارهایی با هر اندازه‌ای را می‌پذیرد، خالی بگذارید.
offers-none = هنوز پیشنهادی نیست.
case-invalid-household = کد خانوار (HH-…) یا کد یک فرد لازم است.
case-invalid-unknown-household = هیچ خانوار یا فردی این کد را ندارد.
case-invalid-no-household = این فرد عضو هیچ خانواری نیست.
case-invalid-empty-household = هیچ‌کس در این خانوار قابل اسکان مجدد نیست.
case-invalid-already-open = این خانوار پرونده باز دیگری دارد.
case-invalid-departed = این خانوار برای اسکان مجدد رفته است: نمی‌توان برای آن پرونده تازه‌ای باز کرد.
case-invalid-transition = پرونده از مرحله کنونی نمی‌تواند به این مرحله برود.
case-invalid-before-last = نباید پیش از تاریخ آخرین گام پرونده باشد.
case-invalid-future = نباید در آینده باشد.
case-invalid-rejected-country = این کشور پیش‌تر پرونده را رد کرده است: آن را به کشور دیگری بفرستید.
case-invalid-country-required = ارسال پرونده باید یک کشور یا پیشنهادِ یک کشور را نام ببرد.
case-invalid-offer-country = با کشورِ پیشنهاد یکی نیست.
case-invalid-unknown-offer = چنین پیشنهادی نیست.
case-invalid-household-too-large = خانوار بزرگ‌تر از حدی است که پیشنهاد می‌پذیرد.
case-invalid-no-medical-capacity = این پیشنهاد نمی‌تواند افراد با نیازهای پزشکی جدی را بپذیرد.
case-invalid-offer-full = جاهای باقی‌مانده این پیشنهاد برای این خانوار کافی نیست.
case-invalid-note-length = بیش از حد بلند است (حداکثر ۵۰۰ نویسه).
offer-invalid-below-used = نمی‌تواند کمتر از جاهای استفاده‌شده باشد.
offer-invalid-country-has-cases = پرونده‌هایی ذیل این پیشنهاد فرستاده شده‌اند، پس کشور آن تغییر نمی‌کند.
case-tab-pipeline = روند پرونده‌ها
case-tab-forecast = پیش‌بینی
case-pipeline-title = روند اسکان مجدد
case-forecast-title = پیش‌بینی اسکان مجدد
case-as-of = تا تاریخ
case-cutoff = تاریخ برش آزمون گذشته‌نگر
case-stall-days = متوقف پس از (روز)
field-stall = متوقف پس از (روز)
field-cutoff = تاریخ برش آزمون گذشته‌نگر
case-funnel = قیف
case-funnel-at = پرونده‌ها و افراد در هر مرحله در پایان { $date }
case-share-over-time = سهم جمعیتِ اسکان‌یافته در گذر زمان
case-share-resettled = سهم اسکان‌یافته
case-share-desc = سهم جمعیتِ اسکان‌یافته، ماه به ماه؛ تا ماه آخر { $n }٪.
case-percent = { $n }٪
case-percent-resettled = درصد اسکان‌یافته
case-people-resettled = افراد اسکان‌یافته
case-time-in-stage = زمان در هر مرحله
case-time-in-stage-hint = روزهای میان ورود به یک مرحله و گام بعدی، برای گام‌هایی که تا تاریخ نشان‌داده برداشته شده‌اند؛ پرونده‌هایی که هنوز در مرحله‌اند شمرده نمی‌شوند. هر پرونده به حساب کشوری گذاشته می‌شود که آخرین بار به آن فرستاده شده است.
case-all-countries = همه کشورها
case-not-submitted = هنوز ارسال نشده
case-spells = پرونده‌های شمرده‌شده
case-median-days = میانه (روز)
case-p90-days = صدک نودم (روز)
case-stalled = پرونده‌های متوقف
case-stalled-count =
    { $count ->
        [one] { $count } پرونده باز بیش از { $days } روز حرکتی نداشته است.
       *[other] { $count } پرونده باز بیش از { $days } روز حرکتی نداشته‌اند.
    }
case-days-still = روزهای بی‌گام
case-population = جمعیت (حاضر، منتقل‌شده یا اسکان‌یافته)
case-remaining = هنوز مانده
case-months-observed = ماه‌های مشاهده‌شده عزیمت
case-pace = آهنگ مشاهده‌شده
case-pace-value = حدود { $n } نفر در ماه
case-forecast-none = هنوز کسی عزیمت نکرده است، پس آهنگی برای پیش‌بینی نیست.
case-forecast-finish = با آهنگ مشاهده‌شده، آخرین ساکن حدود { $median } می‌رود (در ۸ از ۱۰ آینده شبیه‌سازی‌شده میان { $fast } و { $slow }).
case-forecast-finish-open = با آهنگ مشاهده‌شده، آخرین ساکن حدود { $median } می‌رود؛ در کندترین آینده‌های شبیه‌سازی‌شده نه در پنجاه سال (در سریع‌ترین تا { $fast }).
case-forecast-beyond = با آهنگ مشاهده‌شده، در بیشتر آینده‌های شبیه‌سازی‌شده آخرین ساکن در پنجاه سال نمی‌رود.
case-forecast-chart = افراد اسکان‌یافته: تا کنون، و پیش‌بینی با بازه آن
case-forecast-chart-desc = شمار انباشته افراد اسکان‌یافته ماه به ماه، سپس میانه پیش‌بینی و صدک‌های دهم و نودم آینده‌های شبیه‌سازی‌شده.
case-forecast-actual = اسکان‌یافته
case-forecast-median = پیش‌بینی (میانه)
case-forecast-fast = آینده سریع (صدک نودم)
case-forecast-slow = آینده کند (صدک دهم)
case-forecast-method = پیش‌بینی چگونه ساخته می‌شود
case-forecast-method-text = سابقه، شمار افرادی است که در هر ماه عزیمت کرده‌اند، از نخستین عزیمت تا تاریخ نشان‌داده، همراه با ماه‌های بی‌عزیمت. هر یک از ۱٬۰۰۰ آینده شبیه‌سازی‌شده ماه‌هایش را یکی‌یکی، تصادفی و با جایگذاری، از همان ماه‌های مشاهده‌شده برمی‌دارد و عزیمت‌ها را می‌شمارد تا کسی نماند (حداکثر پنجاه سال). بازه، صدک دهم تا نودم شمار اسکان‌یافتگان در هر ماه میان آینده‌هاست؛ تاریخ پایان، میانه ماهی است که آخرین ساکن می‌رود، با صدک‌های دهم و نودم به‌عنوان دامنه.
case-forecast-method-limits = فرض بر این است که آینده مانند گذشته مشاهده‌شده است: نه پیشنهاد تازه‌ای، نه توقفی. پرسش همین است — با آهنگ مشاهده‌شده — نه پیش‌گویی تصمیم دولت‌ها. شبیه‌سازی با بذر ثابت انجام می‌شود، پس یک سابقه همیشه یک پیش‌بینی می‌دهد.
case-backtest = آزمون گذشته‌نگر
case-backtest-text = بر پایه { $fitted } ماه پیش از { $cutoff } برازش و با { $compared } ماه پس از آن مقایسه شد: در واقع { $actual } نفر عزیمت کردند، در برابر میانه پیش‌بینی { $median } (بازه { $low }–{ $high }). رقم واقعی در { $coverage }٪ ماه‌ها درون بازه بود؛ میانه به‌طور میانگین { $error } نفر خطا داشت.
case-backtest-none = سابقه برای آزمون گذشته‌نگر کافی نیست: هم پیش و هم پس از تاریخ برش باید عزیمت باشد.
case-backtest-chart = آزمون گذشته‌نگر: پیش‌بینی از تاریخ برش در برابر آنچه رخ داد
case-backtest-chart-desc = شمار انباشته اسکان‌یافتگان پس از تاریخ برش، واقعی و پیش‌بینی‌شده با بازه آن.
case-people-resettled-after-cutoff = اسکان‌یافتگان پس از تاریخ برش
case-tab-priority = اولویت
case-priority-title = اولویت پرونده‌های باز
case-priority-count =
    { $count ->
        [one] { $count } پرونده باز، فوری‌ترین نخست.
       *[other] { $count } پرونده باز، فوری‌ترین نخست.
    }
case-priority-how = امتیاز چگونه ساخته می‌شود
case-priority-method = پزشکی: فوری‌ترین نیاز پزشکی جدی در خانوار (اضطراری ۵۰، فوری ۳۵، عادی ۱۵). تهدید: بزرگ‌ترِ اولویت ارسال (اضطراری ۴۰، فوری ۲۵) و نیاز به حمایت حقوقی یا جسمی (اضطراری ۳۰، فوری ۲۰، عادی ۱۰). انتظار: یک امتیاز برای هر ماه کامل از گشودن پرونده، حداکثر ۳۶. آسیب‌پذیری‌ها: ۸ برای هر نوع دیگر نیاز ویژه در خانوار، حداکثر ۳۲. در برابری، پرونده‌ای که زودتر گشوده شده جلوتر است.
case-rank = رتبه
case-score = امتیاز
case-why = چرا
case-why-nothing = هنوز فوریت پزشکی، تهدید، انتظار یا آسیب‌پذیری‌ای ثبت نشده است.
case-why-medical = نیاز پزشکی جدی، { $urgency } (+{ $points })
case-why-submission = ارسال‌شده با اولویت { $priority } (+{ $points })
case-why-protection = نیاز به حمایت حقوقی یا جسمی، { $urgency } (+{ $points })
case-why-waiting =
    { $months ->
        [one] { $months } ماه انتظار (+{ $points })
       *[other] { $months } ماه انتظار (+{ $points })
    }
case-why-vulnerabilities = آسیب‌پذیری‌ها: { $needs } (+{ $points })
case-download = دریافت پرونده‌ها
case-download-resettled = اسکان‌یافتگان به تفکیک کشور و ماه (HXL)
case-tab-allocation = تخصیص
case-alloc-title = تخصیص پیشنهادها
case-alloc-proven = بهینه
case-alloc-not-proven = بهینه بودن اثبات نشده
case-alloc-optimal = این پیشنهاد { $households } خانوار ({ $people } نفر) را جای می‌دهد، با { $value } نفرِ وزن‌دار به اولویت: هیچ تخصیص دیگری در چارچوب شرایط و جاهای پیشنهادها بهتر از این نیست.
case-alloc-stopped = جست‌وجو در حد خود متوقف شد: این پیشنهاد { $households } خانوار ({ $people } نفر) را جای می‌دهد و حداکثر { $gap }٪ با بهینه فاصله دارد.
case-alloc-how = پیشنهاد چگونه ساخته می‌شود
case-alloc-method = پرونده‌های واجد شرایط آن‌هایی‌اند که به رسمیت شناخته شده‌اند یا کشور دیگری ردشان کرده است. وزن هر نفر در خانوار، امتیاز اولویت آن به‌علاوه یک است؛ پیشنهاد، جمع وزن × افرادِ جای‌گرفته را بیشینه می‌کند، با هر خانوار به‌صورت کامل، ذیل پیشنهادی که شرایطش را دارد (اندازه خانوار، ظرفیت پزشکی، نه کشوری که ردش کرده) و در حد جاهایی که پس از پرونده‌های در انتظار تصمیم باقی مانده است. یک شاخه‌وکران دقیق همه تخصیص‌ها را می‌جوید و شاخه‌ای را فقط وقتی کنار می‌گذارد که حتی پر کردن کسری جاهای باقی‌مانده هم از بهترین یافته بهتر نشود؛ پس نتیجه بهینه است. استدلال در docs/resettlement.md آمده است.
case-alloc-offers = پیشنهادهای باز
case-alloc-free = جاهای آزاد
case-alloc-no-offers = هیچ پیشنهادی جای آزاد ندارد.
case-alloc-placements = جای‌دهی‌های پیشنهادی
case-alloc-none = چیزی برای پیشنهاد نیست: هیچ پرونده واجد شرایطی در پیشنهاد بازی نمی‌گنجد.
case-alloc-decision = تصمیم
case-alloc-accept = پذیرش: ارسال ذیل این پیشنهاد
case-alloc-reject = رد این جای‌دهی
case-alloc-why-offer = پیشنهاد ({ $country }) این خانوارِ { $people } نفره را می‌پذیرد (بزرگ‌ترین خانوار: { $max }؛ نیازهای پزشکی جدی: { $medical }) و برایش جا دارد.
case-alloc-medical-yes = دارد، و پیشنهاد می‌تواند بپذیرد
case-alloc-medical-no = ندارد
case-alloc-unplaced = پرونده‌های واجد شرایطِ جای‌نگرفته
case-alloc-unplaced-count =
    { $count ->
        [one] { $count } پرونده واجد شرایط جای نگرفته است.
       *[other] { $count } پرونده واجد شرایط جای نگرفته‌اند.
    }
case-alloc-no-offer = شرایط هیچ پیشنهاد بازی با این خانوار جور نیست.
case-alloc-no-room = جاهای مناسب آن به خانوارهایی با افراد وزن‌دارِ بیشتر رسید.
case-alloc-flash-accepted = جای‌دهی پذیرفته شد: پرونده ذیل این پیشنهاد ارسال شد.
case-alloc-flash-rejected = جای‌دهی رد شد؛ دوباره پیشنهاد نمی‌شود.
field-case = پرونده

# evidence
nav-evidence = مدارک
evidence-title = پرونده‌های مدرک
evidence-file-title = پروندهٔ مدرک
evidence-none = هنوز پروندهٔ مدرکی ثبت نشده است.
evidence-file-name = پرونده
evidence-attached-to = پیوست به
evidence-target-incident = رویداد
evidence-target-source = منبع
evidence-target-claim = ادعا
evidence-target-id = شمارهٔ رویداد، منبع یا ادعا
evidence-media-type = نوع
evidence-size = اندازه (بایت)
evidence-received-on = تاریخ دریافت
evidence-received-from = دریافت از
evidence-received-how = شیوهٔ دریافت
evidence-received-by = دریافت‌کننده
evidence-file = پرونده
evidence-upload = بارگذاری مدرک
evidence-upload-hint = عکس، ویدیو، صوت، PDF، اسناد اداری و متن، تا ۶۴ مگابایت. پرونده هنگام رسیدن چکیده‌گیری و رمزگذاری می‌شود؛ نسخهٔ اصلی بی‌تغییر نگه داشته می‌شود.
evidence-original-note = این پروندهٔ اصلی همان‌گونه که دریافت شد است: رمزگذاری‌شده نگهداری می‌شود و هرگز تغییر نمی‌کند.
evidence-withheld = پنهان (تنها مستندساز می‌بیند چه کسی آن را سپرده است)
evidence-download = بارگیری نسخهٔ اصلی
evidence-custody = زنجیرهٔ نگهداری
evidence-custody-note = هر دریافت، مشاهده و بارگیری این پرونده یک مدخل در ردپای حسابرسی امضاشده است.
evidence-custody-who = چه کسی
evidence-custody-what = چه کاری
evidence-custody-entry = مدخل حسابرسی
evidence-received = پرونده دریافت و ثبت شد.
custody-receive = دریافت شد
custody-view = مشاهده شد
custody-download = بارگیری شد
evidence-file-damaged = فایل ذخیره‌شدهٔ این مدرک پیدا نمی‌شود یا با آنچه ثبت شده یکی نیست: نمی‌توان آن را بارگیری کرد یا در بسته گذاشت. به مدیر سامانه اطلاع دهید (‎`vigil evidence verify`‎ و سپس بازگرداندن پوشهٔ مدارک از نسخهٔ پشتیبان).
received-how-in-person = حضوری
received-how-messaging-app = پیام‌رسان
received-how-email = رایانامه
received-how-field-capture = ثبت‌شده در میدان
received-how-other = دیگر
field-file = پرونده
field-target-type = پیوست به
field-target-id = شماره
field-received-on = تاریخ دریافت
field-received-from = دریافت از
field-received-how = شیوهٔ دریافت
evidence-invalid-kind = این نوع پرونده پذیرفته نمی‌شود (عکس، ویدیو، صوت، PDF، اسناد و متن پذیرفته می‌شوند).
evidence-invalid-empty = پرونده خالی است.
evidence-invalid-content = محتوای پرونده با نامش همخوانی ندارد: پرونده و پسوند آن را بررسی کنید.
evidence-invalid-too-large = پرونده بزرگ‌تر از ۶۴ مگابایت است.
evidence-invalid-too-long = حداکثر ۳۰۰ نویسه.
evidence-invalid-target = چنین رکوردی برای پیوست پرونده وجود ندارد.
custody-export = در بستهٔ دادگاهی صادر شد
incident-evidence = پرونده‌های مدرکِ این رویداد
bundle-title = بستهٔ دادگاهی
bundle-hint = پرونده‌های مدرکِ این رویداد، ادعاهای آن و منابعِ آن ادعاها، همان‌گونه که دریافت شده‌اند؛ فهرست‌های SHA-256 و BLAKE3 آن‌ها؛ سابقهٔ زنجیرهٔ نگهداری؛ پروندهٔ رویداد؛ و ردِ ممیزی تا نقطهٔ بازبینی‌ای که هم‌اکنون امضا می‌شود — رمزگذاری‌شده با کلید age گیرنده. گیرنده آن را با sha256sum و b3sum و vigil audit verify-bundle بررسی می‌کند. ساختنِ آن در زنجیرهٔ نگهداریِ هر پرونده ثبت می‌شود.
bundle-recipient = کلید عمومی age گیرنده
bundle-make = دریافت بسته
bundle-invalid-empty = هیچ پروندهٔ مدرکی به این رویداد، ادعاهای آن یا منابع آن‌ها پیوست نشده است.
source-text = متن سند
source-text-from = برگرفته از پروندهٔ مدرک
source-text-none = هنوز متنی برای این منبع وارد نشده است.
source-evidence = پرونده‌های مدرکِ این منبع (سند را پیوست و متن آن را وارد کنید)
source-text-import = متن سند نیز در منبعِ آن وارد شود (متن ساده، HTML یا PDF)
source-text-imported = سند ثبت و متن آن وارد شد.
source-text-invalid-target = فقط سندِ یک منبع متنی برای واردکردن دارد: پرونده را به یک منبع پیوست کنید.
source-text-invalid-kind = متن را فقط از متن ساده، صفحهٔ وب (HTML) و PDF می‌توان گرفت.
source-text-invalid-encoding = متن UTF-8 نیست: آن را با UTF-8 ذخیره کنید و دوباره بکوشید.
source-text-invalid-empty = هیچ متنی از پرونده به دست نیامد (صفحهٔ اسکن‌شده متن ندارد).
source-text-invalid-too-long = متن از دو میلیون نویسه بلندتر است.
source-text-invalid-pdf = این PDF خواندنی نیست.
derived-copy-of = نسخهٔ برگرفته از پروندهٔ مدرک
derived-copies = نسخه‌های برگرفته
derived-none = هنوز نسخه‌ای از این پرونده ساخته نشده است.
derived-kind = نوع نسخه
derived-note = چه چیزی و چرا تغییر کرد
derived-hint = نسخه به‌عنوان پرونده‌ای جداگانه با هش‌ها و زنجیرهٔ نگهداریِ خودش ذخیره و برگرفته از این اصل نشانه‌گذاری می‌شود؛ اصل هرگز تغییر نمی‌کند.
derived-upload = ثبت نسخهٔ برگرفته
derived-recorded = نسخه ثبت شد.
derived-invalid-same = این پرونده بایت‌به‌بایت همان اصل است، نه نسخه‌ای از آن.
derivation-redacted = پوشانده‌شده
derivation-metadata-stripped = بدون فراداده
derivation-transcoded = تبدیل‌قالب‌شده
derivation-thumbnail = تصویر کوچک
derivation-excerpt = بخشی از اصل
custody-derive = نسخه‌ای ساخته شد
custody-store = بدون تغییر از پایگاه داده به پوشهٔ مدارک منتقل شد
# end evidence
# search
nav-search = جست‌وجو
search-title = جست‌وجو در پرونده
search-box = واژه‌های مورد جست‌وجو (منابع، ادعاها و رویدادها؛ با هر املا یا خطی)
search-filters = پالایه‌ها
search-any = همه
search-go = جست‌وجو
search-results = نتیجه‌ها، بهترین نخست
search-none = چیزی یافت نشد.
search-windowed = بیش از ۵٬۰۰۰ سند با این جست‌وجو جور درمی‌آید: این‌ها بهترینِ ۵٬۰۰۰ سندی‌اند که اخیراً نمایه شده‌اند. برای رسیدن به سندهای قدیمی‌تر، واژه‌ای دیگر، بازهٔ تاریخ یا پالایه‌ای دیگر بیفزایید.
field-q = جست‌وجو
field-type = نوع
field-from = از
field-to = تا
field-grade = درجهٔ منبع
search-invalid-empty = واژه‌ای برای جست‌وجو بنویسید.
search-invalid-long = حداکثر ۱۶ واژه.
# end search

## commitments: agreements, commitments and their computed status
agreements-title = توافق‌ها و تعهدها
agreements-none = هنوز هیچ توافقی ثبت نشده است.
agreement-kind = نوع
agreement-kind-memorandum = یادداشت تفاهم
agreement-kind-letter = نامه
agreement-kind-statement = بیانیه
agreement-kind-pledge = تعهدنامه
agreement-kind-understanding = تفاهم
agreement-made-on = تاریخ
agreement-parties = طرف‌ها
agreement-signatories = امضاکنندگان
agreement-sources = منابع
agreement-source = منبع
agreement-commitments = تعهدها
commitments-none = برای این توافق هیچ تعهدی ثبت نشده است.
commitment-heading = تعهد { $id }
commitment-agreement = توافق
commitment-statement = تعهد
commitment-owed-by = متعهد
commitment-owed-to = متعهدٌله
commitment-in-force = مدت اعتبار
commitment-in-force-open = از { $from }، بدون تاریخ پایان
commitment-in-force-until = از { $from } تا { $until }
commitment-term = شرط
commitment-status = وضعیت
commitment-since = وضعیت بدون تغییر از
commitment-decided-by = بر پایهٔ
commitment-deciding-more = و { $n } مورد دیگر
commitment-as-of = در تاریخ
commitment-as-of-show = نمایش
commitment-history = سیر تغییر وضعیت
commitment-history-none = در این تاریخ هنوز لازم‌الاجرا نبوده است.
commitment-history-from = از
commitment-observations = مشاهده‌ها
commitment-observations-none = هیچ مشاهده‌ای ثبت نشده است.
commitment-status-pending = در انتظار
commitment-status-met = اجرا شده
commitment-status-partly-met = بخشی اجرا شده
commitment-status-breached = نقض شده
commitment-status-cannot-judge = قابل داوری نیست
commitment-status-share = { $status } ({ $share } درصد)
commitment-status-observed-fulfilled = انجام شده
commitment-status-observed-partly = بخشی انجام شده
commitment-status-observed-not-fulfilled = انجام نشده
commitment-status-observed-statement = تنها یک اظهار
observation-on = تاریخ مشاهده
observation-outcome = نتیجه
observation-source = منبع
observation-note = یادداشت
evidence-incident = رویداد { $id }
evidence-manifest = ردیف فهرست محموله { $id }
evidence-observation = مشاهده { $id }
term-deadline = انجام تا { $due }
term-quantity = دست‌کم { $n } { $item }
term-quantity-per = { $n } { $item } برای هر { $per } ساکن
term-presence = حضور در { $share } در هزار از زمان
term-frequency = دست‌کم { $k } بازدید در هر { $days } روز
term-prohibition = نباید رخ دهد: { $category }
term-access = نباید مانع شد: { $category }
agreement-create = ثبت یک توافق
agreement-parties-hint = هر سطر یک سازمان، با هر نگارشی از نام آن.
agreement-signatories-hint = هر سطر یک نفر: نام | طرفی که از سوی آن امضا کرده است.
agreement-summary = خلاصه
commitment-add = افزودن تعهد
commitment-site = محل (کد)
commitment-convoy = کاروان (شماره)
commitment-from = لازم‌الاجرا از
commitment-until = لازم‌الاجرا تا (اگر پایانی ندارد خالی بگذارید)
commitment-term-hint = تنها خانه‌های شرط انتخاب‌شده را پر کنید: مهلت — روز سررسید؛ مقدار — قلم، تعداد و برای نسبت، شمار ساکنان و کاروان؛ حضور — سهم به در هزار؛ تکرار — شمار بازدید و دوره؛ منع و دسترسی — دستهٔ رویداد.
commitment-due-on = سررسید
commitment-item = قلم (به همان نامی که در فهرست محمولهٔ کاروان آمده)
commitment-quantity = دست‌کم (تعداد)
commitment-per-residents = برای هر … ساکن
commitment-share = سهم (در هزار؛ ۱۰۰۰ یعنی همهٔ زمان)
commitment-visits = دست‌کم … بازدید
commitment-period-days = در هر … روز
commitment-category = دستهٔ رویداد
observation-add = افزودن مشاهده
term-kind-deadline = مهلت
term-kind-quantity = مقدار
term-kind-presence = حضور
term-kind-frequency = تکرار
term-kind-prohibition = منع
term-kind-access = دسترسی
presence-title = حضور ناظران
presence-coverage = { $present } ساعت حضور از { $span } ساعت مدت اعتبار ({ $share } درصد).
presence-gaps = طولانی‌ترین غیبت‌ها
presence-gap = از { $from } تا { $until } ({ $hours } ساعت)
presence-unmonitored = رویدادهایی که هنگام نبودِ ناظر رخ داد
presence-unmonitored-none = هیچ رویدادی ثبت نشده است.
agreement-incident = رویداد

## Corrections and retraction (issue 5)
timeline-listed = { $shown } رویداد تازه‌تر از { $count } رویداد فهرست شده‌اند؛ برون‌بری‌ها همه را دارند.
flash-retracted = پس گرفته شد. با دلیلی که نوشتید در پرونده می‌ماند و دیگر به حساب نمی‌آید.
retracted-note = در { $when } به دست { $by } پس گرفته شد: { $reason }
field-retraction-reason = چرا پس گرفته می‌شود
retract-note = چیزی پاک نمی‌شود: این مورد در پرونده می‌ماند، با نشان «پس‌گرفته» و اینکه چه کسی، کی و چرا، و دیگر در فهرست‌ها، گاه‌شمار، تأیید متقابل، جست‌وجو و برون‌بری‌ها به حساب نمی‌آید. صفحه‌اش دلیل را نگه می‌دارد و ردّ ممیزی خودِ تغییر را.
claim-retract = پس گرفتن
incident-edit = اصلاح این رویداد
incident-edit-open = نمایش فرم
incident-edit-note = ادعاها، اقدام‌ها و ارقامش می‌مانند؛ نسخهٔ پیشینش در صفحه‌اش می‌ماند.
incident-retract = پس گرفتن این رویداد
source-edit = اصلاح این منبع
source-edit-open = نمایش فرم
source-edit-note = درجه یا وابستگی تازه، تأیید متقابل همهٔ رویدادهایی را که این منبع از آن‌ها سخن می‌گوید تغییر می‌دهد؛ نسخهٔ پیشینش در صفحه‌اش می‌ماند.
source-retract = پس گرفتن این منبع
org-edit = اصلاح این سازمان
org-edit-open = نمایش فرم
org-edit-note = هر نگارش در یک سطر؛ نگارش‌هایی که دیگر فهرست نشده‌اند حذف می‌شوند. سازمان‌ها هرگز پاک نمی‌شوند، چون منابع و رویدادها به آن‌ها ارجاع می‌دهند.
incident-invalid-retracted = این رویداد پس گرفته شده است و دیگر نمی‌توان آن را تغییر داد.
claim-invalid-retracted = این ادعا پیش‌تر پس گرفته شده است.
source-invalid-retracted = این منبع پس گرفته شده است و دیگر نمی‌توان آن را تغییر داد.
org-invalid-taken = سازمان دیگری هم‌اکنون به این نام شناخته می‌شود.
revisions-title = نسخه‌های پیشین
revision-line = تا { $when }، که { $by } آن را اصلاح کرد، چنین بود: { $was }
retracted-badge = پس‌گرفته
# commitments: report, visits (issue 7, session 3)
observation-counted = شمارش‌شده
evidence-visit = بازدید { $id }
report-commitments-title = تعهدات و نقض آن‌ها
report-commitments-intro = همهٔ تعهدات همهٔ توافق‌ها، با شرط هر تعهد و وضعیتی که سوابق در این روز به آن می‌دهد، و شواهد و منابعی که بر آن‌ها استوار است. درجهٔ اعتبار هر منبع (A تا F) کنار آن آمده است. وضعیت محاسبه می‌شود و هرگز دستی وارد نمی‌شود.
report-as-of = تا تاریخ
report-download-csv = دریافت CSV
report-download-xlsx = دریافت XLSX
report-by-party = تعهدات بر پایهٔ طرف متعهد و وضعیت
report-by-party-desc = برای هر طرف متعهد، شمار تعهدات انجام‌شده، تا حدی انجام‌شده، نقض‌شده، در انتظار و غیرقابل‌داوری در روز گزارش.
report-party = طرف متعهد
report-none = هنوز تعهدی ثبت نشده است.
report-over-time = پایبندی در گذر زمان
report-over-time-desc = شمار تعهدات در هر وضعیت در پایان هر ماه، تا روز گزارش.
report-commitments-count = شمار تعهدات
report-coverage = پوشش نظارت در تعهدات حضور
report-coverage-desc = برای هر تعهد حضور، سهم هر ماه که دست‌کم یک ناظر حاضر بوده است، به درصد.
report-coverage-share = زمان حضور ناظر (٪)
report-coverage-series = تعهد { $id }
report-evidence = شواهد و منابع
report-deciding = تعیین‌کننده:
report-no-evidence = شاهدی ثبت نشده است: وضعیت بر نبودِ شاهد استوار است (هنوز سررسید نشده، یا نقضی ثبت نشده).
report-more-evidence = { $n } مورد دیگر در صفحهٔ تعهد
report-more-evidence-published = { $n } مورد دیگر در سوابق هست که در این نسخه فهرست نشده است
report-link = گزارش: تعهدات و نقض آن‌ها
visits-title = بازدیدهای نظارتی
visits-intro = هر بازدید ناظران یک سازمان از یک محل، از ورود تا خروج. بازدیدها در تعهدات حضور و تناوبِ آن سازمان در آن محل به حساب می‌آیند.
visits-none = هنوز بازدیدی ثبت نشده است.
visits-all = همهٔ بازدیدهای نظارتی
visit-heading = بازدید نظارتی { $id }
visit-record = ثبت بازدید
visit-organisation = سازمان
visit-site = محل
visit-arrival = ورود (UTC)
visit-departure = خروج (UTC)
visit-hours = ساعت
visit-monitors = ناظران
visit-feeds = تعهداتی که این بازدید در آن‌ها به حساب می‌آید
visit-feeds-none = این سازمان در این محل تعهد حضور یا تناوبی ندارد.

## Published reports
published-title = گزارش‌های منتشرشده
published-intro = گزارش‌هایی که برای همهٔ خوانندگان، از جمله ناظران، منتشر شده‌اند: هر یک نسخه‌ای ثابت از گزارش است، همان‌گونه که در روز انتشار بود، همراه با SHA-256 محتوایش تا هر نسخه‌ای را بتوان با آن سنجید. گزارشِ پس‌گرفته‌شده نگه داشته می‌شود و نشان می‌دهد چه کسی، کی و چرا آن را پس گرفت.
published-none = هنوز هیچ گزارشی منتشر نشده است.
published-report = گزارش
published-at = انتشار
published-sha256 = SHA-256
published-state = وضعیت
published-standing = منتشرشده
published-withdrawn = پس‌گرفته‌شده
published-withdrawn-note = این گزارش پس گرفته شده است. برای ثبت در سابقه همان‌گونه که منتشر شده بود نگه داشته می‌شود؛ به آن تکیه نکنید.
published-intact = محتوا با هش آن می‌خواند
published-altered = محتوا با هش آن نمی‌خواند
published-reason = دلیل پس‌گرفتن
published-withdraw = پس‌گرفتن این گزارش
published-publish = انتشار این گزارش برای ناظران
published-publish-hint = نسخه‌ای ثابت تا این روز، به زبان همین صفحه، همراه با SHA-256 آن.
published-commitments-title = تعهدات و نقض‌ها تا { $date }
published-done = گزارش منتشر شد.
published-withdrawn-done = گزارش پس گرفته شد.
published-dashboard-note = گزارش‌هایی که برای همهٔ خوانندگان منتشر شده‌اند.
published-invalid-reason = بنویسید چرا گزارش پس گرفته می‌شود.
published-invalid-reason-long = دلیل بیش از ۲٬۰۰۰ نویسه است.
published-already-withdrawn = این گزارش پیش‌تر پس گرفته شده است.
