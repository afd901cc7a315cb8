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
dashboard-observer-note = نقش شما خواندن گزارش‌های منتشرشده است. هنوز گزارشی منتشر نشده است.
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
