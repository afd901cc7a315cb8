# vigil — الرسائل العربية.
# Keys are kebab-case, grouped by page. The three files must define the same ids.

## Application

app-name = Vigil
app-tagline = رصد الحماية للاجئين والنازحين

## Layout: skip link, header, footer

skip-to-content = الانتقال إلى المحتوى الرئيسي
header-user-label = المستخدم الحالي
header-role = الدور: { $role }
footer-confidential = سرّي: يحتوي هذا النظام على بيانات حماية. لا تشاركها إلا بما يسمح به اتفاق مشاركة البيانات.
footer-licence = برنامج حرّ مرخّص بموجب AGPL-3.0-or-later.

## Navigation

nav-label = التنقل الرئيسي
nav-dashboard = لوحة المعلومات
nav-registry = التسجيل
nav-incidents = الحوادث
nav-agreements = الاتفاقات
nav-resettlement = إعادة التوطين
nav-reports = التقارير
nav-audit = سجل التدقيق
nav-users = المستخدمون
nav-account = الحساب
nav-api-tokens = رموز API
nav-sign-in = تسجيل الدخول
nav-sign-out = تسجيل الخروج
nav-area-registry = التسجيل
nav-people = الأشخاص
nav-area-documentation = التوثيق
nav-area-admin = الإدارة

## Language switch

lang-switch-label = اللغة
lang-en = الإنجليزية
lang-fa = الفارسية
lang-ar = العربية

## Demo mode

demo-ribbon = بيانات تجريبية — جميع المقيمين أشخاص وهميون

## Login page

login-title = تسجيل الدخول
login-intro = استخدم الحساب الذي أنشأه لك مدير النظام.
login-username = اسم المستخدم
login-password = كلمة المرور
login-submit = دخول
login-failed = تعذّر تسجيل الدخول. تحقّق من اسم المستخدم وكلمة المرور، أو انتظر بضع دقائق ثم حاول مرة أخرى.

## Dashboard

dashboard-title = لوحة المعلومات

## Roles

role-admin = مدير النظام
role-registrar = مسؤول التسجيل
role-case-officer = مسؤول إدارة الحالات
role-documenter = موثّق
role-analyst = محلّل
role-observer = مراقب

## Errors

error-not-found-title = الصفحة غير موجودة
error-not-found = الصفحة أو السجلّ المطلوب غير موجود، أو ليست لديك صلاحية الوصول إليه.
error-forbidden-title = غير مسموح
error-forbidden = لا يسمح لك دورك بتنفيذ هذا الإجراء.
error-bad-request-title = طلب غير صالح
error-bad-request = تعذّر فهم الطلب. راجع النموذج ثم حاول مرة أخرى.
error-server-title = حدث خطأ
error-server = حدث خطأ غير متوقع. حاول مرة أخرى، وإذا تكرّر فأبلغ مدير النظام.
error-evidence-damaged = الملف المخزَّن لهذا الدليل مفقود أو تعرّض للتغيير، لذا لا يمكن تسليمه. أبلغ مدير النظام: الأمر ‎`vigil evidence verify`‎ يكشف الضرر، ويجب استعادة مجلد الأدلة من نسخة احتياطية.
error-session-expired-title = انتهت الجلسة
error-session-expired = انتهت صلاحية جلستك. يرجى تسجيل الدخول مرة أخرى.
error-csrf-title = انتهت صلاحية النموذج
error-csrf = انتهت صلاحية هذا النموذج أو أُرسل من صفحة أخرى. أعد تحميل الصفحة ثم حاول مرة أخرى.
error-back-home = العودة إلى لوحة المعلومات

## Common words and counts

common-save = حفظ
common-cancel = إلغاء
common-search = بحث
common-edit = تعديل
common-delete = حذف
common-back = رجوع
common-next = التالي
common-previous = السابق
common-yes = نعم
common-no = لا
common-none = لا شيء
# Arabic has six plural categories; the noun changes with each.
common-people-count =
    { $count ->
        [zero] لا أحد
        [one] شخص واحد
        [two] شخصان
        [few] { $count } أشخاص
        [many] { $count } شخصًا
       *[other] { $count } شخص
    }


## الأخطاء والرسائل

error-title = حدث خطأ
error-bad-form = تعذّرت قراءة النموذج. أعد تحميل الصفحة وحاول مرة أخرى.
error-conflict = هذا موجود من قبل.
error-refused = رُفض هذا التغيير: لن يبقى أي مسؤول نشط.
error-too-large = الطلب كبير جدًا.
flash-saved = تم الحفظ.
flash-password-changed = تم تغيير كلمة المرور. سجّل الدخول مجددًا بالكلمة الجديدة.
flash-password-reset = أُعيد تعيين كلمة المرور وأُنهيت جلسات الحساب.
flash-token-revoked = أُلغي الرمز.

## أسماء الحقول

field-username = اسم المستخدم
field-password = كلمة المرور
field-full-name = الاسم الكامل
field-contact = وسيلة الاتصال
field-role = الدور
field-name = الاسم
field-days = الصلاحية (بالأيام)
field-confirm = أعد كتابة كلمة المرور الجديدة
field-current-password = كلمة المرور الحالية

## التحقق من المدخلات

invalid-role = اختر أحد الأدوار المدرجة.
invalid-username-length = يجب أن يكون بين ٣ و٣٢ حرفًا.
invalid-username-chars = يُسمح فقط بالأحرف a–z والأرقام و . _ -
invalid-text-length = ٢٠٠ حرف على الأكثر.
invalid-text-control = يجب ألا يحتوي على محارف تحكم.
invalid-password-short = ١٢ حرفًا على الأقل.
invalid-password-long = ١٢٨ حرفًا على الأكثر.
invalid-token-name = يجب أن يكون بين ١ و٨٠ حرفًا.
invalid-token-days = يجب أن يكون عددًا صحيحًا من الأيام بين ١ و٣٦٦.
invalid-current-password = ليست كلمة مرورك الحالية.
invalid-password-mismatch = كلمتا المرور الجديدتان مختلفتان.

## لوحة المعلومات

dashboard-accounts = الحسابات النشطة حسب الدور
dashboard-sessions = الجلسات المفتوحة
dashboard-audit-entries = قيود سجل التدقيق
dashboard-checkpoints = نقاط التحقق الموقّعة
dashboard-last-checkpoint = آخر نقطة تحقق
dashboard-never = أبدًا
dashboard-observer-note = دورك قراءة التقارير المنشورة للمراقبين (أدناه).
dashboard-audit-link = تحقّق من سجل التدقيق الآن

## الحساب

account-title = حسابك
account-username = اسم المستخدم
account-role = الدور
account-personal = البيانات الشخصية
account-show-personal = عرض البيانات الشخصية
account-personal-audited = كل اطلاع على البيانات الشخصية يُسجَّل في سجل التدقيق.
account-none = غير مسجّل
account-change-password = تغيير كلمة المرور
account-new-password = كلمة المرور الجديدة (١٢ حرفًا على الأقل)
account-save-password = تغيير كلمة المرور
account-tokens-link = رموز API الشخصية

## رموز API

tokens-title = رموز API الشخصية
tokens-intro = يتيح الرمز لبرنامجٍ استخدام واجهة API بدورك. احفظه كما تحفظ كلمة المرور.
tokens-create = إنشاء رمز
tokens-created-once = يُعرض رمزك الجديد هذه المرة فقط. انسخه الآن.
tokens-prefix = الرمز
tokens-created = تاريخ الإنشاء
tokens-expires = تاريخ الانتهاء
tokens-last-used = آخر استخدام
tokens-revoke = إلغاء
tokens-revoked = ملغى
tokens-none = ليس لديك أي رمز.
tokens-never = أبدًا

## المستخدمون

users-title = المستخدمون
users-create = إضافة حساب
users-create-submit = إضافة الحساب
users-created-password = أُنشئ الحساب. تُعرض كلمة مروره هذه المرة فقط: سلّمها شخصيًا.
users-search = البحث عن حساب بالاسم
users-search-name = الاسم الكامل (مطابق؛ لا يهم حجم الأحرف ولا المسافات)
users-search-submit = بحث
users-found = الحسابات التي عُثر عليها
users-none-found = لا يوجد حساب بهذا الاسم.
users-status = الحالة
users-active = نشط
users-disabled = معطّل
user-title = الحساب
user-personal = البيانات الشخصية
user-show-personal = عرض البيانات الشخصية
user-save-personal = حفظ البيانات الشخصية
user-role-change = الدور والحالة
user-save-role = تغيير الدور
user-disable = تعطيل الحساب
user-enable = تفعيل الحساب
user-reset-password = إعادة تعيين كلمة المرور
user-reset-hint = اتركه فارغًا لتوليد كلمة مرور. تُنهى جلسات الحساب في الحالتين.
user-new-password-once = تُعرض كلمة المرور الجديدة هذه المرة فقط: سلّمها شخصيًا.
user-audit-link = هذا الحساب في سجل التدقيق

## سجل التدقيق

audit-title = سجل التدقيق
audit-actor = المنفّذ
audit-action = الإجراء
audit-object-type = نوع الكائن
audit-object-id = معرّف الكائن
audit-apply = تصفية
audit-seq = الرقم
audit-at = الوقت (UTC)
audit-summary = الملخص
audit-object = الكائن
audit-next = قيود أقدم
audit-verify-link = التحقق من السجل كاملًا
audit-none = لا توجد قيود مطابقة.
audit-verify-title = التحقق من سجل التدقيق
audit-verify-ok = سجل التدقيق سليم: كل قيد مرتبط بالقيد الذي قبله وكل نقاط التحقق الموقّعة مطابقة.
audit-verify-failed = فشل التحقق من سجل التدقيق. ربما جرى العبث بالتاريخ:
audit-verify-entries = القيود التي فُحصت
audit-verify-checkpoints = نقاط التحقق التي فُحصت
audit-verify-last-hash = بصمة آخر قيد
audit-verify-public-key = المفتاح العام لنقاط التحقق (يُسلَّم للأطراف الثالثة)

## Charts
chart-no-data = لا توجد بيانات لعرضها
chart-female = إناث
chart-male = ذكور
chart-people = عدد الأشخاص

## السجل: المواقع

nav-sites = المواقع
sites-title = المخيمات والمواقع
sites-none = لا توجد مواقع بعد.
sites-present = الموجودون الآن
sites-create = إضافة موقع
site-title = الموقع
site-people-link = الأشخاص في هذا الموقع
site-population-now = السكان الآن حسب الجنس والعمر
site-pyramid-desc = النساء والفتيات في جهة، والرجال والفتيان في الجهة الأخرى، حسب الفئات العمرية للمفوضية.
site-population-over-time = السكان عبر الزمن
site-age-band = الفئة العمرية
site-age-unknown = سنة الميلاد غير مسجلة
site-table = الأرقام في جدول
site-month = الشهر
site-edit = تعديل هذا الموقع
site-kind-camp = مخيم
site-kind-transit = موقع عبور
site-kind-settlement = مستوطنة
site-kind-other = غير ذلك

## السجل: الأشخاص

people-title = سجل الأشخاص
people-none = لا أحد يطابق.
person-new-title = تسجيل شخص
person-new-note = الأسماء وتاريخ الميلاد ورقم الوثيقة والهاتف والملاحظات بيانات شخصية: تُحفظ مشفّرة ولا تُعرض إلا للأدوار التي تحتاجها.
person-personal-legend = البيانات الشخصية
person-record-legend = السجل
person-place-legend = الموقع والأسرة
person-new-household = بدء أسرة جديدة بهذا الشخص
person-register = تسجيل
person-title = الشخص
person-possible-duplicates = قد يكون هذا الشخص مسجلًا من قبل. قارن مع:
person-household-members = أفراد الأسرة
person-needs = الاحتياجات الخاصة
person-history = الحالة والمكان عبر الزمن
person-move = تسجيل انتقال أو تغيير حالة
person-move-scope = من ينتقل
person-move-household = الأسرة كلها
person-move-person = هذا الشخص وحده (يُرفض إن فرّق الأسرة)
person-move-split = هذا الشخص وحده، مع تفريق الأسرة
common-all = الكل

## حقول السجل

field-code = الرمز
field-kind = النوع
field-country = البلد (رمز ISO 3166 الثلاثي)
field-capacity = السعة
field-name-en = الاسم بالإنجليزية
field-name-fa = الاسم بالفارسية
field-name-ar = الاسم بالعربية
field-lat = خط العرض
field-lon = خط الطول
field-site = الموقع
field-status = الحالة
field-need = الاحتياج الخاص
field-min-household = حجم الأسرة على الأقل
field-sex = الجنس
field-birth-year = سنة الميلاد
field-name-latin = الاسم (بالحروف اللاتينية)
field-name-original = الاسم (بالخط الأصلي)
field-birth-date = تاريخ الميلاد
field-document = رقم الوثيقة
field-phone = الهاتف
field-notes = ملاحظات
field-nationality = الجنسية (رمز ISO 3166 الثلاثي)
field-languages = اللغات (ISO 639)
field-protection = وضع الحماية
field-urgency = درجة الإلحاح
field-vulnerability = الاحتياج الخاص
field-external-id = المعرّف الخارجي
field-relationship = الصلة برب الأسرة
field-household = الأسرة
field-date = التاريخ
field-reason = السبب

## القيم

sex-female = أنثى
sex-male = ذكر
sex-other = غير ذلك
sex-unknown = غير مسجل
status-present = موجود
status-transferred = منقول
status-resettled = أعيد توطينه
status-departed = غادر
status-deceased = متوفى
status-missing = مفقود
protection-asylum-seeker = طالب لجوء
protection-mandate-refugee = لاجئ مشمول بولاية المفوضية
protection-protected-person = شخص محمي
protection-stateless = عديم الجنسية
protection-other = غير ذلك
protection-unknown = غير مسجل
vulnerability-serious-medical = حالة طبية خطيرة
vulnerability-disability = إعاقة
vulnerability-older-person = مسنّ معرّض للخطر
vulnerability-child-at-risk = طفل معرّض للخطر
vulnerability-woman-at-risk = امرأة معرّضة للخطر
vulnerability-survivor-of-torture = ناجٍ من التعذيب
vulnerability-survivor-of-violence = ناجٍ من العنف
vulnerability-legal-physical-protection = احتياجات حماية قانونية أو جسدية
urgency-normal = عادي
urgency-urgent = عاجل
urgency-emergency = طارئ
relationship-head = رب الأسرة
relationship-spouse = الزوج أو الزوجة
relationship-child = ابن أو ابنة
relationship-parent = أب أو أم
relationship-sibling = أخ أو أخت
relationship-other = غير ذلك

## التحقق (السجل)

invalid-country = يلزم رمز ISO 3166 ثلاثي مثل IRQ.
invalid-site-code = يجب أن يكون من ٢ إلى ١٦ من A–Z و٠–٩ و-.
invalid-site-kind = اختر مخيمًا أو موقع عبور أو مستوطنة أو غير ذلك.
invalid-required = مطلوب.
invalid-number = يلزم رقم.
invalid-count = يلزم عدد صحيح ضمن المدى المسموح.
invalid-latitude = يجب أن يكون بين ‎-90 و90.
invalid-longitude = يجب أن يكون بين ‎-180 و180.
invalid-coordinates = أدخل خطي العرض والطول معًا أو لا شيء منهما.
invalid-person-code = يلزم رمز مثل VG-7K3Q-2M.
invalid-choice = اختر إحدى القيم المدرجة.
invalid-date = يلزم تاريخ بصيغة YYYY-MM-DD.
invalid-name-required = أدخل اسمًا بالحروف اللاتينية أو بالخط الأصلي.
invalid-birth-year-mismatch = لا يطابق تاريخ الميلاد.
invalid-language = يلزم رموز ISO 639 مثل fa وar وku.
invalid-external-id = ٦٤ محرفًا ASCII مرئيًا على الأكثر.
invalid-phone = يُسمح فقط بالأرقام والمسافات و+ - ( ).
invalid-site = لا يوجد موقع بهذا الرمز.

## الاستيراد

import-title = استيراد الأشخاص
import-intro = ارفع ملف CSV أو XLSX بتنسيق vigil. تُفحص كل الصفوف أولًا؛ إن كان أي صف خاطئًا لا يُستورد شيء ويبيّن التقرير أي صف وأي عمود يجب تصحيحه. الصفوف ذات المعرّف الخارجي المعروف تحدّث أصحابها.
import-file = الملف (CSV أو XLSX، ٥٠ ميغابايت على الأكثر)
import-dry-run = افحص الملف فقط؛ لا تكتب شيئًا
import-submit = فحص واستيراد
import-template-csv = القالب (CSV)
import-template-xlsx = القالب (XLSX)
import-report = التقرير
import-rows = الصفوف المقروءة
import-accepted = الصفوف المقبولة
import-rejected = الصفوف المرفوضة
import-line = السطر
import-column = العمود
field-vulnerabilities = الاحتياجات الخاصة
import-problem = المشكلة
import-warnings = تنبيهات
import-nothing-written = لم يُستورد شيء. صحّح الصفوف المذكورة أدناه واستورد الملف مجددًا.
import-dry-run-ok = اجتازت كل الصفوف الفحص. كان هذا فحصًا فقط: لم يُكتب شيء.
import-done = تم الاستيراد: { $added } أُضيف، { $updated } حُدّث، { $households } أسرة أُنشئت.
import-file-error = تعذّرت قراءة الملف:
import-age-approximate = قُدّرت سنة الميلاد من العمر.
import-age-mismatch = العمر لا يطابق تاريخ الميلاد.
import-column-conflict = عنوان عمود ووسم HXL الخاص به يشيران إلى عمودين مختلفين.
import-duplicate-column = هذا العمود مكرر.
import-duplicate-id = المعرّف الخارجي نفسه يظهر في سطر آخر.
import-example-row = هذا صف المثال في القالب؛ احذفه.
import-external-id-required = يحتاج كل صف إلى معرّف خارجي كي يحدّث الاستيراد المتكرر ولا يكرر.
import-extra-cells = في هذا الصف خلايا أكثر من العناوين.
import-formula = يشبه صيغة جدول بيانات؛ رُفض لحماية من يفتح التصدير.
import-household-split = أفراد هذه الأسرة في مواقع مختلفة.
import-missing-column = ينقص عمود مطلوب.
import-no-rows = لا توجد صفوف بيانات في الملف.
import-relationship-needs-household = الصلة العائلية تحتاج إلى أسرة.
import-two-heads = لهذه الأسرة ربّان.
import-unknown-columns = عمود غير معروف؛ راجع أسماء الأعمدة في القالب.
import-unnamed-column = عمود بلا اسم.
invalid-household = يلزم مرجع أسرة من ٦٤ محرفًا مرئيًا على الأكثر.
table-bad-utf16 = الملف ليس UTF-16 صالحًا.
table-cell-error = في خلية خطأ من أخطاء جداول البيانات.
table-cell-too-long = خلية أطول من ١٠٬٠٠٠ محرف.
table-empty = الملف فارغ.
table-extension-mismatch = محتوى الملف لا يطابق اسمه.
table-no-header = لا يوجد صف عناوين في الملف.
table-no-sheet = لا توجد ورقة في المصنف.
table-not-a-table = الملف ليس جدول CSV أو XLSX.
table-not-utf8 = الملف ليس بترميز UTF-8 (احفظه بترميز UTF-8 أو UTF-16).
table-nul = في الملف محارف NUL.
table-old-office = لا تُقرأ ملفات Excel القديمة (.xls)؛ احفظ الملف بصيغة .xlsx أو CSV.
table-rows-out-of-order = صفوف المصنف مضطربة الترتيب.
table-too-large = الملف أكبر من ٥٠ ميغابايت.
table-too-many-cells = في الملف خلايا كثيرة جدًا.
table-too-many-columns = في الملف أكثر من ٢٠٠ عمود.
table-too-many-rows = في الملف أكثر من ١٬٠٠٠٬٠٠٠ صف.
table-too-much-text = في الملف نص كثير جدًا.
table-unclosed-quote = خلية بين علامتي اقتباس لم تُغلق.
table-unpacked-too-large = يتجاوز المصنف بعد فكّه ٥١٢ ميغابايت.
table-unreadable = تعذّرت قراءة المصنف.
table-utf16-without-bom = ملف UTF-16 بلا علامة ترتيب البايتات؛ احفظه بها أو بترميز UTF-8.
table-utf32 = لا تُقرأ ملفات UTF-32؛ احفظ الملف بترميز UTF-8.

## لوحة المعلومات: السجل

dashboard-registry = السجل
dashboard-people-present = شخصًا موجودين في المواقع
dashboard-people = الأشخاص المسجلون
dashboard-households = الأسر

## التكرارات وقائمة المراقبة

nav-matches = التكرارات
nav-watchlist = قائمة المراقبة
matches-title = سجلات يُحتمل تكرارها
matches-intro = تنبيهات ظهرت عند تسجيل شخص أو استيراده أو تعديل بياناته: رقم الوثيقة نفسه، أو الاسم نفسه (بأي تهجئة) مع فارق لا يتجاوز سنتين في سنة الميلاد، أو اسم مُدرج في قائمة المراقبة. قارن السجلين وقرّر: شخص واحد (يُدمج السجلان مع الإبقاء على التاريخ) أو شخصان مختلفان (فلا يُنبَّه على هذا الزوج مرة أخرى).
matches-open-count =
    { $count ->
        [zero] لا تنبيهات للمراجعة
        [one] تنبيه واحد للمراجعة
        [two] تنبيهان للمراجعة
        [few] { $count } تنبيهات للمراجعة
        [many] { $count } تنبيهًا للمراجعة
       *[other] { $count } تنبيه للمراجعة
    }
matches-none-open = لا توجد تنبيهات للمراجعة.
matches-none = لا توجد تنبيهات بهذه الحالة.
matches-flag = التنبيه
matches-person-a = السجل (أ)
matches-person-b = السجل (ب)
matches-raised = تاريخ التنبيه
matches-watch-list = قائمة المراقبة
matches-review = مراجعة
match-title = سجل يُحتمل تكراره
match-decided = القرار
match-watch-explained = يطابق اسم هذا الشخص أحد مُدخلات قائمة المراقبة. لا يطّلع على القائمة إلا المسؤولون؛ وترى أنت فئة المُدخل فقط.
match-show-personal = عرض البيانات الشخصية للسجلين (يُسجَّل في سجل التدقيق)
match-decide = القرار
match-decision-not-listed = ليس الشخص المُدرج
match-merge-explained = إن كانا شخصًا واحدًا، يُدمج السجل الآخر في السجل الذي تُبقي رمزه: تنتقل إليه سيرته واحتياجاته وأسرته، ويقود رمزه منذ الآن إلى السجل المُبقى عليه.
match-reason-hint = اذكر السبب دون أسماء أو أي بيانات شخصية أخرى (مثل «شوهدت الوثيقة نفسها»، «تحقّقنا من اسمَي الأبوين فكانا مختلفين»). يُكتب في سجل التدقيق.
match-decide-submit = تسجيل القرار
field-flag-status = حالة التنبيه
field-match-reason = سبب التنبيه
field-decision = القرار
field-decision-reason = سبب القرار
field-keep = الإبقاء على رمز
field-watch-name = الاسم
field-watch-category = الفئة
field-watch-note = ملاحظة
match-reason-document = رقم الوثيقة نفسه
match-reason-name-birth-year = الاسم نفسه وسنة ميلاد متقاربة
match-reason-watch-list = اسم في قائمة المراقبة
flag-status-open = مفتوح
flag-status-merged = شخص واحد (دُمج)
flag-status-distinct = شخصان مختلفان
flag-status-confirmed = تأكّدت المطابقة مع قائمة المراقبة
flag-status-superseded = أُلغي بسبب دمج
decision-same = الشخص نفسه: ادمج السجلين
decision-distinct = شخصان مختلفان
decision-confirmed = المطابقة صحيحة
watch-category-known-agent = عميل معروف
watch-category-impersonator = منتحل صفة
watch-category-infiltrator = متسلل
watch-category-other = أخرى
invalid-note-length = يجب ألا تتجاوز ١٬٠٠٠ حرف.
invalid-watch-name = أدخل اسمًا بحروف لاتينية أو فارسية أو عربية.
invalid-decision-watch = المطابقة مع قائمة المراقبة تُؤكَّد أو تُرفض، ولا تُدمج.
invalid-decision-pair = السجلان إما لشخص واحد أو لشخصين مختلفين.
flash-match-merged = دُمج السجلان.
flash-match-decided = سُجّل القرار.
error-match-decided = سبق اتخاذ قرار بشأن هذا التنبيه.
flash-watch-added = أُضيف الاسم إلى قائمة المراقبة؛ ونُبّه على من سُجّلوا به من قبل.
flash-watch-removed = أُزيل المُدخل من قائمة المراقبة.
person-review-flags = راجعها في قائمة التكرارات
person-merged-from = سجلات مدموجة
person-merged-record = سجل مدموج
person-status-merged = دُمج في سجل آخر
import-flagged =
    { $count ->
        [zero] لا أحد من المستوردين يُحتمل تكراره.
        [one] شخص واحد من المستوردين قد يكون مكررًا أو مطابقًا لقائمة المراقبة: راجع قائمة التكرارات.
        [two] شخصان من المستوردين قد يكونان مكررين أو مطابقين لقائمة المراقبة: راجع قائمة التكرارات.
        [few] { $count } أشخاص من المستوردين قد يكونون مكررين أو مطابقين لقائمة المراقبة: راجع قائمة التكرارات.
        [many] { $count } شخصًا من المستوردين قد يكونون مكررين أو مطابقين لقائمة المراقبة: راجع قائمة التكرارات.
       *[other] { $count } شخص من المستوردين قد يكونون مكررين أو مطابقين لقائمة المراقبة: راجع قائمة التكرارات.
    }
import-merged-skipped =
    { $count ->
        [zero] لم يُترك أي صف دون تغيير.
        [one] تُرك صف واحد دون تغيير لأن سجله دُمج في سجل آخر.
        [two] تُرك صفان دون تغيير لأن سجليهما دُمجا في سجلات أخرى.
        [few] تُركت { $count } صفوف دون تغيير لأن سجلاتها دُمجت في سجلات أخرى.
        [many] تُرك { $count } صفًا دون تغيير لأن سجلاتها دُمجت في سجلات أخرى.
       *[other] تُرك { $count } صف دون تغيير لأن سجلاتها دُمجت في سجلات أخرى.
    }
watchlist-title = قائمة المراقبة
watchlist-intro = أسماء عملاء معروفين ومنتحلي صفة ومتسللين. تسجيل شخص أو استيراده بأحد هذه الأسماء، بأي تهجئة، يُطلق تنبيهًا لموظفي التسجيل الذين لا يرون إلا الفئة.
watchlist-audited = الأسماء والملاحظات بيانات شخصية: كل اطّلاع على هذه القائمة يُسجَّل في سجل التدقيق.
watchlist-none = قائمة المراقبة فارغة.
watchlist-hits = التنبيهات
watchlist-added = تاريخ الإضافة
watchlist-removed = مُزال
watchlist-show-removed = اعرض المُدخلات المُزالة أيضًا
watchlist-hide-removed = أخفِ المُدخلات المُزالة
watchlist-add = إضافة اسم
watchlist-name-hint = اسم واحد بأي خط؛ الاسم الأول أولًا كما في استمارة التسجيل.
watchlist-add-submit = أضف إلى قائمة المراقبة
watch-entry-title = مُدخل في قائمة المراقبة
watch-entry-hits = أشخاص نُبّه عليهم بسبب هذا المُدخل
watch-entry-no-hits = لم يطابق أحد هذا المُدخل.
watch-entry-remove = الإزالة من قائمة المراقبة
watch-entry-remove-explained = يتوقف المُدخل عن المطابقة وتُغلق تنبيهاته المفتوحة. ويبقى محفوظًا بوسم «مُزال» لأن تنبيهات سابقة تشير إليه.
watch-entry-remove-submit = إزالة

## Exports

people-export = التصدير
people-export-intro = الرموز والحقول غير الشخصية فقط، للأشخاص الذين يُظهرهم عامل التصفية أعلاه. يُسجَّل كل تصدير في سجل التدقيق.
people-export-csv = CSV (لبرنامج Excel)
people-export-xlsx = مصنّف XLSX
people-export-personal = التصدير مع البيانات الشخصية…
people-export-population-at = السكان في تاريخ
people-export-population = السكان حسب الجنس والعمر (HXL CSV)
exports-title = التصدير مع البيانات الشخصية
exports-intro = يتطلب التصدير الذي يتضمن الأسماء وغيرها من البيانات الشخصية مسجِّلَين اثنين: أحدهما يطلبه والآخر يوافق عليه. يُشفَّر الملف بمفتاح age الخاص بالمستلم، ولا يستطيع تنزيله إلا المسجِّل الذي طلبه، ومرة واحدة فقط. ينتهي الطلب بعد 24 ساعة من تقديمه، وتنتهي الموافقة بعد 24 ساعة من منحها، إن لم يُستعملا. تُسجَّل كل خطوة في سجل التدقيق.
exports-request = طلب تصدير
exports-recipient-help = المفتاح العام age للمستلم (يبدأ بـ age1)، المُنشأ بالأداة age-keygen. لا يستطيع فتح الملف إلا من يملك المفتاح السري المطابق.
exports-purpose-help = سبب الحاجة إلى التصدير، في كلمات قليلة ومن غير ذكر أسماء.
exports-submit = تقديم الطلب
exports-list = الطلبات
exports-none = لم يُطلب أي تصدير بعد.
exports-requested = تاريخ الطلب
exports-people = الأشخاص
exports-state = الحالة
exports-actions = الإجراءات
exports-decided-by = بواسطة
exports-expires = ينتهي
exports-approve = موافقة
exports-reject = رفض
exports-download = تنزيل (مرة واحدة)
export-state-requested = بانتظار مسجِّل ثانٍ
export-state-approved = تمت الموافقة
export-state-rejected = مرفوض
export-state-expired = منتهي الصلاحية
export-state-downloaded = تم التنزيل
field-recipient = مفتاح المستلم
field-purpose = الغرض
field-format = الصيغة
field-at = التاريخ
flash-export-requested = قُدِّم طلب التصدير. يجب أن يوافق عليه مسجِّل آخر.
flash-export-approved = تمت الموافقة على التصدير. يستطيع المسجِّل الذي طلبه تنزيله الآن مرة واحدة.
flash-export-rejected = رُفض طلب التصدير.
export-refused-not-self = يجب أن يقرر مسجِّل آخر: لا يمكنك الموافقة على طلبك أو رفضه.
export-refused-expired = انتهت صلاحية هذا الطلب. اطلب التصدير من جديد.
export-refused-decided = سبق البتّ في هذا الطلب.
export-refused-downloaded = سبق تنزيل هذا التصدير؛ كل موافقة تسمح بتنزيل واحد.
export-refused-not-approved = لم تتم الموافقة على هذا التصدير بعد.
export-refused-rejected = رُفض هذا التصدير.
invalid-age-recipient = المطلوب مفتاح age عام: age1 يليه 58 حرفًا ورقمًا (من age-keygen).
invalid-export-purpose = اذكر في سطر واحد لا يزيد على 200 حرف سبب الحاجة إلى التصدير، من غير ذكر أسماء.
invalid-export-format = اختر CSV أو XLSX.
export-too-many-rows-for-xlsx = عدد الأشخاص أكبر مما تتسع له ورقة XLSX واحدة؛ صدِّر CSV بدلًا منها.

## Registry: convoys

nav-convoys = القوافل
convoys-title = القوافل
convoys-none = لا توجد قوافل بعد.
convoys-create = إضافة قافلة
convoy-title = قافلة
convoy-heading = القافلة { $seq }
convoy-route = المنطلق والوجهة
convoy-people = الأشخاص
convoy-shortfalls = أوجه النقص
status-planned = مخطط لها
status-under-way = في الطريق
status-completed = مكتملة
status-blocked = موقوفة
field-seq = رقم القافلة
field-origin = المنطلق
field-destination = الوجهة
field-planned-on = التاريخ المخطط له
field-departed-on = تاريخ المغادرة
field-arrived-on = تاريخ الوصول
field-item = البند
field-unit = الوحدة
field-agreed = المتفق عليه
field-allowed = المسموح به
field-moved = المنقول
field-agreed-source = مصدر الرقم المتفق عليه
field-allowed-source = مصدر الرقم المسموح به
field-moved-source = مصدر الرقم المنقول
field-left = الذين غادروا المنطلق
field-arrived = الواصلون
field-missing = الذين لم يصلوا
field-scope = مَن
convoy-short = نقص
convoy-short-allowed = { $item }: { $agreed } متفق عليه، { $allowed } مسموح به.
convoy-short-moved = { $item }: { $agreed } متفق عليه، { $moved } منقول.
convoy-short-both = { $item }: { $agreed } متفق عليه، { $allowed } مسموح به، { $moved } منقول.
convoy-shortfall-intro = عدد بنود قائمة الشحن التي تقل عمّا اتُّفق عليه: { $count }
convoy-head-counts = أعداد الأفراد
convoy-listed = المدرجون في القائمة
convoy-left = غادروا المنطلق
convoy-arrived = وصلوا
convoy-did-not-arrive = غادروا ولم يصلوا
convoy-marked-missing = سُجّلوا مفقودين
convoy-counts-not-recorded = تُسجَّل الأعداد عند إتمام القافلة.
convoy-unaccounted = من الذين غادروا ولم يصلوا، لم يُسجَّل بعدُ مفقودًا: { $count }
convoy-unlisted = زاد عدد المغادرين على المدرجين في القائمة بـ { $count }.
convoy-manifest = قائمة الشحن والأصول
convoy-manifest-none = لا بنود في قائمة الشحن بعد.
convoy-sources = المصادر
convoy-totals = المجموع
convoy-line-add = إضافة بند إلى قائمة الشحن
convoy-line-edit = تعديل
convoy-line-remove = حذف هذا البند
convoy-source-note = اذكر لكل رقم مصدره: وثيقة أو تقرير أو بيان. لا تكتب أي بيانات شخصية.
convoy-add = إضافة
convoy-members = الأشخاص في القافلة
convoy-members-none = لم يُدرج أحد بعد.
convoy-outcome = النتيجة
convoy-outcome-listed = مدرج
convoy-outcome-arrived = وصل
convoy-outcome-missing = مفقود
convoy-remove = إزالة
convoy-remove-household = إزالة الأسرة كلها
convoy-remove-person = إزالة هذا الشخص وحده (تنفصل الأسرة)
convoy-add-people = إضافة أسرة
convoy-add-code = رمز أحد أفراد الأسرة
convoy-scope-household = الأسرة كلها (أفرادها الموجودون في المنطلق)
convoy-scope-split = هذا الشخص وحده، مع فصل الأسرة
convoy-complete = إتمام القافلة
convoy-complete-note = يُنقل كل من في القافلة إلى { $destination } ويُسجَّل حاضرًا فيها من تاريخ الوصول، إلا من أُشير إلى أنهم لم يصلوا فيُسجَّلون مفقودين. لا يمكن التراجع عن ذلك.
convoy-complete-blocked = هذه القافلة موقوفة. غيّر حالتها قبل إتمامها.
convoy-left-hint = اتركه فارغًا إذا غادر جميع المدرجين في القائمة ({ $count }).
convoy-missing-legend = لم يصلوا (يُسجَّلون مفقودين)
convoy-edit = تعديل هذه القافلة
convoy-mark-missing = تسجيل من لم يصلوا
convoy-mark-missing-note = يُسجَّلون مفقودين من تاريخ الوصول. صحّح عدد الواصلين أيضًا إن كان خاطئًا.
convoy-arrived-correction = عدد الواصلين بعد التصحيح (اختياري)
convoy-flash-added = أُضيف إلى القافلة.
convoy-flash-removed = أُزيل من القافلة.
convoy-flash-line-removed = حُذف البند من قائمة الشحن.
convoy-flash-completed = اكتملت القافلة: أصبح أفرادها مسجَّلين في الوجهة.
convoy-flash-missing = تم التسجيل.
convoy-refused-completed = اكتملت هذه القافلة؛ لم يعد ممكنًا تغيير قائمتها أو مسارها.
convoy-refused-blocked = لا يمكن إتمام قافلة موقوفة. غيّر حالتها أولًا.
convoy-refused-not-completed = لم تكتمل هذه القافلة بعد.
convoy-refused-not-at-origin = أحد من في القافلة لم يعد حاضرًا في المنطلق. أزِله من القافلة أولًا.
convoy-invalid-same-site = يجب أن تختلف عن المنطلق.
convoy-invalid-status-completed = تُتَمّ القافلة بالنموذج الذي ينقل أفرادها.
convoy-invalid-arrival-before-departure = يجب ألا يسبق تاريخ المغادرة.
convoy-invalid-text-length = النص أطول من المسموح به.
convoy-invalid-no-quantity = أدخل كمية واحدة على الأقل: المتفق عليها أو المسموح بها أو المنقولة.
convoy-invalid-more-arrived = لا يمكن أن يزيد على عدد من غادروا.
convoy-invalid-origin-has-people = أزِل الأشخاص من القافلة قبل تغيير منطلقها.
convoy-invalid-would-split = هذا يفصل الأسرة: أضف الأسرة كلها، أو اختر فصلها.
convoy-invalid-unknown-person = لا يوجد شخص بهذا الرمز.
convoy-invalid-not-at-origin = هذا الشخص غير حاضر في منطلق القافلة.
convoy-invalid-on-other-convoy = هذا الشخص مدرج في قافلة أخرى لم تصل بعد.
convoy-invalid-not-listed = هذا الشخص ليس في القافلة.
convoy-invalid-missing-count = عدد المسجَّلين مفقودين أكبر من عدد من لم يصلوا بحسب الأعداد المسجَّلة.
convoy-invalid-left-below-listed = عدد المغادرين أقل من عدد المدرجين: أزِل من بقوا من القافلة أولًا.
convoy-invalid-not-at-destination = أحد المختارين لم يعد مسجَّلًا حاضرًا في الوجهة.

## السجل: البحث بالاسم والأسر

people-name-search = البحث بالاسم
people-name-search-hint = بأي تهجئة أو خط للاسم الكامل: «محمد» يجد Mohammad وMuhammad. يُسجَّل البحث في سجل التدقيق دون الاسم.
people-name-search-results = الأشخاص الذين يطابق اسمهم بأي تهجئة.
person-household-join = الأسرة
person-household-join-hint = رمز أسرة موجودة (HH-…)، أو اتركه فارغًا لبدء أسرة جديدة بهذا الشخص.

## incidents: organisations, sources, claims and incidents

nav-sources = المصادر
nav-organisations = المنظمات
incidents-title = الحوادث
incidents-none = لم تُسجَّل أي حادثة بعد.
incidents-create = تسجيل حادثة
sources-title = المصادر
sources-none = لا توجد مصادر بعد.
sources-create = إضافة مصدر
sources-claims = ما يدّعيه هذا المصدر
sources-org-hint = اذكر الناشر والطرف بأي تهجئة مسجّلة للمنظمة؛ وإن كانت المنظمة جديدة فأضفها أولاً.
orgs-title = المنظمات
orgs-none = لم يُعثر على منظمات.
orgs-create = إضافة منظمة
orgs-search = البحث بالاسم
orgs-search-button = بحث
orgs-search-hint = بأي تهجئة وأي خط: ‏Qods Force يجد Quds Force و«نیروی قدس».
orgs-aliases-hint = تهجئات أخرى للاسم، واحدة في كل سطر، بأي خط.
orgs-add-aliases = إضافة تهجئات
orgs-incidents = الحوادث التي يُدّعى أنها وراءها
orgs-sources = المصادر التي نشرتها أو تتحدث باسمها
claims-none = لم تُسجَّل أي ادعاءات بعد.
field-title = العنوان
field-category = الفئة
field-started = البداية
field-ended = النهاية
field-place = المكان
field-geo-precision = دقة المكان
field-description = الوصف
field-act = الفعل
field-person = الشخص (الرمز)
field-victims = عدد الضحايا
field-age-band = الفئة العمرية
field-organisation = المنظمة
field-involvement = درجة التورط
field-measure = الرقم
field-value = القيمة
field-verification = التحقق
field-org-kind = نوع المنظمة
field-aliases = تهجئات أخرى
field-source-kind = نوع المصدر
field-publisher = الناشر
field-author = الكاتب
field-published-on = تاريخ النشر
field-language = اللغة (ISO 639)
field-url = العنوان (URL)
field-affiliation = الانتماء
field-aligned-with = منحاز إلى
field-reliability = موثوقية المصدر
field-reliability-reason = سبب هذه الدرجة
field-source = المصدر
field-about = بشأن
field-locator = موضعه في المصدر
field-statement = ما يقوله المصدر
field-values = الأرقام
field-credibility = المصداقية
category-rocket-attack = هجوم صاروخي
category-armed-assault = اعتداء مسلح
category-killing = قتل
category-injury = إصابة
category-hostage-taking = أخذ رهائن
category-medical-denial = منع العلاج
category-supply-blockade = حصار الإمدادات
category-property-seizure = مصادرة ممتلكات
category-harassment = مضايقة
category-surveillance = مراقبة
category-intimidation = ترهيب
category-information-gathering = جمع معلومات
category-infiltration = تسلل
category-threat = تهديد
geo-precision-exact = المكان بدقة
geo-precision-near = قرب المكان
geo-precision-region = المنطقة فقط
act-killed = قُتل
act-injured = أُصيب
act-detained = احتُجز
act-taken-hostage = أُخذ رهينة
act-denied-medical-care = حُرم من العلاج
act-property-seized = صودرت ممتلكاته
act-threatened = هُدِّد
act-harassed = تعرّض للمضايقة
act-surveilled = رُوقب
involvement-direct = فاعل مباشر
involvement-command = مسؤولية القيادة
involvement-complicity = تواطؤ
involvement-failure-to-act = التقصير في التصرف
verification-unverified = غير متحقَّق منه
verification-corroborated = مؤيَّد من مصادر مستقلة
verification-verified = متحقَّق منه
org-kind-un-body = هيئة أممية
org-kind-government = حكومة
org-kind-embassy = سفارة
org-kind-armed-group = جماعة مسلحة
org-kind-ngo = منظمة غير حكومية
org-kind-media-outlet = وسيلة إعلام
org-kind-residents = ممثلو السكان
source-kind-article = مقال
source-kind-statement = بيان
source-kind-letter = رسالة
source-kind-report = تقرير
source-kind-testimony = شهادة
source-kind-photo = صورة
source-kind-video = فيديو
affiliation-independent = مستقل
affiliation-official = رسمي
affiliation-aligned = منحاز إلى طرف
reliability-a = موثوق تماماً
reliability-b = موثوق عادةً
reliability-c = موثوق إلى حد ما
reliability-d = غير موثوق عادةً
reliability-e = غير موثوق
reliability-f = لا يمكن الحكم على موثوقيته
credibility-1 = مؤكَّد من مصادر أخرى
credibility-2 = صحيح على الأرجح
credibility-3 = ربما يكون صحيحاً
credibility-4 = مشكوك فيه
credibility-5 = غير مرجَّح
credibility-6 = لا يمكن الحكم على صحته
incident-claims = الادعاءات
incident-side-by-side = ما يقوله كل مصدر
incident-accepted = المعتمد في السجل
incident-accepted-reason = { $measure }: { $value }، اعتمده { $by } للسبب التالي: { $reason }
incident-discounted-note = الصفوف الباهتة من مصدر بدرجة D إلى F أو ادعاء بدرجة 4 إلى 6: تُحفظ وتُعرض، لكنها لا تُحتسب تأييداً أبداً.
incident-corroboration = التأييد
incident-corroboration-rule = يُحسب من الادعاءات: يُعدّ كل صوت مستقل مرة واحدة (كل بيانات طرف واحد، أو كل مقالات وسيلة إعلام واحدة، صوت واحد)، ولا تُحتسب إلا الادعاءات التي ربما تكون صحيحة على الأقل (1 إلى 3) من مصادر موثوقة إلى حد ما على الأقل (A إلى C).
incident-disputed = المصادر مختلفة
incident-value-support =
    { $value }: { $claims ->
        [one] ادعاء واحد
        [two] ادعاءان
       *[other] { $claims } ادعاءات
    }، { $voices ->
        [0] دون أي مصدر مستقل مؤيِّد
        [one] مصدر مستقل مؤيِّد واحد
        [two] مصدران مستقلان مؤيِّدان
       *[other] { $voices } مصادر مستقلة مؤيِّدة
    }
incident-voices =
    { $count ->
        [0] لا يؤيد أي مصدر مستقل هذه الحادثة بعد.
        [one] يؤيد هذه الحادثة مصدر مستقل واحد؛ والتأييد يتطلب مصدرين.
        [two] يؤيد هذه الحادثة مصدران مستقلان.
       *[other] يؤيد هذه الحادثة { $count } مصادر مستقلة.
    }
incident-verified-by = تحقّق منها { $by }: { $reason }
incident-acts = الأفعال والضحايا
incident-acts-none = لم يُسجَّل أي فعل بعد.
incident-age-unknown = غير معروفة
incident-perpetrators = الجناة المزعومون
incident-perpetrators-none = لم يُسجَّل أي جانٍ مزعوم.
incident-add-claim = إضافة ادعاء مصدر
incident-set-figure = تحديد الرقم المعتمد
incident-add-act = إضافة فعل
incident-add-perpetrator = إضافة جانٍ مزعوم
incident-set-verification = التحقق
incident-verification-hint = «مؤيَّد من مصادر مستقلة» لا يُحدَّد يدوياً أبداً: بل ينتج عن المصادر. «متحقَّق منه» يعني أن موثِّقاً تحقّق منه ويذكر كيف.
incident-when-hint = اكتب بأكبر دقة معروفة: 2013-12-26 05:30 أو 2013-12-26 أو 2013-12 أو 2013.
incident-place-hint = لا يُذكر أبداً موقع فرد بعينه: مخيم أو مكان أو منطقة.
incident-values-hint = رقم واحد لكل مقياس: killed وinjured وdetained وtaken_hostage وdenied_medical_care وproperty_seized وthreatened وharassed وsurveilled.
incident-claims-legend = ما تقوله المصادر
incident-claims-hint = اختياري: ادعاء كل مصدر بشأن هذه الحادثة، يُسجَّل معها في خطوة واحدة. يُتجاوز الصف الذي لا مصدر فيه؛ ويمكن إضافة ادعاءات أخرى في صفحة الحادثة.
incident-victims-hint = رمز شخص مسجَّل، أو عدد من الأشخاص — لا كلاهما.
incident-invalid-when = المتوقع 2013 أو 2013-12 أو 2013-12-26 أو 2013-12-26 05:30.
incident-invalid-end-before-start = يجب ألا يسبق البداية.
incident-invalid-text-length = طويل أكثر من اللازم.
incident-invalid-no-victims = أدخل رمز شخص أو عدد الضحايا.
incident-invalid-both-victims = أدخل رمز شخص أو عدد الضحايا، لا كليهما.
incident-invalid-corroborated-typed = التأييد يُحسب من مصادر مستقلة، ولا يُحدَّد يدوياً أبداً.
incident-invalid-unknown-person = لا يحمل أي شخص هذا الرمز.
org-invalid-unknown = لا تحمل أي منظمة هذا الاسم؛ أضفها أولاً.
org-invalid-ambiguous = تحمل عدة منظمات هذا الاسم؛ استخدم تهجئة لا تحملها إلا واحدة منها.
org-invalid-no-letters = يجب أن يحتوي على حروف.
org-invalid-too-many-aliases = 50 تهجئة على الأكثر.
source-invalid-reliability = المتوقع درجة من A إلى F.
source-invalid-language = المتوقع رمز ISO 639 مثل fa أو ar أو en.
source-invalid-url = المتوقع عنوان يبدأ بـ https:// أو http://.
source-invalid-aligned-needs-party = اذكر الطرف الذي ينحاز إليه المصدر.
source-invalid-party-not-aligned = لا يذكر طرفاً إلا المصدر المنحاز إليه.
source-invalid-official-needs-publisher = يذكر المصدر الرسمي المنظمة التي أصدرته.
claim-invalid-credibility = المتوقع درجة من 1 إلى 6.
claim-invalid-values = المتوقع مقياس = عدد، مثل killed = 35.
claim-invalid-values-repeated = أدخل كل مقياس مرة واحدة على الأكثر.
claim-invalid-person-needed = الادعاء المتعلق بشخص يذكر رمزه.
claim-invalid-figure-needs-values = الادعاء المتعلق برقم يذكر رقماً واحداً على الأقل، مثل killed = 35.
claim-invalid-empty = اذكر ما يقوله المصدر، أو أدخل أرقامه.
claim-invalid-unknown-source = لا يوجد مصدر كهذا.
nav-timeline = التسلسل الزمني والخريطة
timeline-title = التسلسل الزمني والخريطة
timeline-chart-title = الحوادث حسب الشهر والفئة
timeline-chart-desc =
    { $count ->
        [one] حادثة واحدة، تُحسب في الشهر الذي بدأت فيه (أو سنتها إن لم تُعرف إلا السنة).
        [two] حادثتان، تُحسب كل منهما في الشهر الذي بدأت فيه (أو سنتها إن لم تُعرف إلا السنة).
       *[other] { $count } حوادث، تُحسب كل منها في الشهر الذي بدأت فيه (أو سنتها إن لم تُعرف إلا السنة).
    }
timeline-incidents = الحوادث
timeline-map-title = المخيمات وأماكن الحوادث
timeline-map-desc = المربعات مخيمات والدوائر أماكن حوادث، مع عدد الحوادث لكل منها. لا يُرسم موقع أي فرد أبداً.
timeline-grade = مصادر بدرجة لا تقل عن
timeline-filter = عرض
timeline-table = الأرقام في جدول
timeline-period = الشهر
timeline-unplaced =
    { $count ->
        [one] حادثة واحدة بلا مكان ذي إحداثيات، فهي ليست على الخريطة.
        [two] حادثتان بلا مكان ذي إحداثيات، فهما ليستا على الخريطة.
       *[other] { $count } حوادث بلا مكان ذي إحداثيات، فهي ليست على الخريطة.
    }
timeline-export = تصدير ما هو معروض
timeline-export-note = منقَّح دائماً: يُعدّ الضحايا ولا تُذكر أسماؤهم ولا رموزهم أبداً، والخريطة تضم المخيمات والأماكن، لا موقع أي فرد.
timeline-export-acled = ملف CSV بصيغة ACLED
timeline-export-events = ملف JSON للحوادث (بصيغة HURIDOCS)
timeline-export-schema = مخطط JSON الخاص به
timeline-export-geojson = ملف GeoJSON للمخيمات والأماكن
timeline-export-xlsx = الصفوف نفسها بصيغة XLSX
## resettlement

case-overview-title = إعادة التوطين
case-title = ملف إعادة التوطين
case-heading = الملف { $id } — الأسرة { $household }
case-tabs-label = صفحات إعادة التوطين
case-tab-cases = الملفات
case-tab-offers = عروض الدول
case-funnel-now = الملفات والأشخاص في كل مرحلة الآن
case-funnel-desc =
    { $count ->
        [zero] قمع إعادة التوطين: لا أحد في الملفات.
        [one] قمع إعادة التوطين: شخص واحد في الملفات، حسب المرحلة.
        [two] قمع إعادة التوطين: شخصان في الملفات، حسب المرحلة.
        [few] قمع إعادة التوطين: { $count } أشخاص في الملفات، حسب المرحلة.
        [many] قمع إعادة التوطين: { $count } شخصًا في الملفات، حسب المرحلة.
       *[other] قمع إعادة التوطين: { $count } شخص في الملفات، حسب المرحلة.
    }
case-cases = الملفات
case-people = الأشخاص
case-list = الملفات
case-all-stages = كل المراحل
case-filter = اعرض
case-none = لا ملفات.
case-list-limited = لا تُعرض إلا أول ٥٠٠ ملف؛ اختر مرحلة لرؤية غيرها.
case-number = الملف
case-since = منذ
case-open = فتح ملف
case-household-hint = رمز الأسرة (HH-…) أو رمز أحد أفرادها. تنتقل الأسرة كلها مع الملف.
case-history = السجل
case-recorded = سُجّل
case-rejected-by = رفضته
case-offer = العرض
case-offer-option = العرض { $id }: { $country }، الأماكن المتبقية { $left }
case-next-step = تسجيل الخطوة التالية
case-submission = تقديم الملف
case-submission-hint = للتقديم فقط: العرض الذي يُقدَّم الملف في إطاره أو دولة، مع أولويته وفئته.
case-record-step = سجّل الخطوة
case-after-days =
    { $count ->
        [zero] في اليوم نفسه
        [one] بعد يوم واحد
        [two] بعد يومين
        [few] بعد { $count } أيام
        [many] بعد { $count } يومًا
       *[other] بعد { $count } يوم
    }
case-flash-step = سُجّلت الخطوة.
field-stage = المرحلة
field-priority = الأولوية
field-submission-category = فئة التقديم
field-offer = العرض
field-announced-on = تاريخ الإعلان
field-places = الأماكن
field-max-household = أكبر أسرة مقبولة
field-medical = تقبل الحالات الطبية الخطيرة
stage-identified = محدَّد
stage-interviewed = أُجريت المقابلة
stage-recognised = معترف به
stage-submitted = مقدَّم
stage-accepted = مقبول
stage-rejected = مرفوض
stage-deferred = مؤجَّل
stage-departure-scheduled = موعد السفر محدَّد
stage-departed = غادر
stage-withdrawn = مسحوب
priority-normal = عادية
priority-urgent = عاجلة
priority-emergency = طارئة
category-legal-physical-protection = احتياجات الحماية القانونية و/أو الجسدية
category-survivors-of-violence = الناجون من العنف و/أو التعذيب
category-medical-needs = الاحتياجات الطبية
category-women-at-risk = النساء والفتيات المعرضات للخطر
category-family-reunification = لمّ شمل الأسرة
category-children-at-risk = الأطفال والمراهقون المعرضون للخطر
category-no-alternative = انعدام حلول دائمة بديلة في المستقبل المنظور
offers-title = عروض الدول
offer-title = عرض دولة
offer-heading = العرض { $id } — { $country }
offer-number = العرض
offer-used = المستخدَمة
offer-pending = بانتظار القرار
offer-left = المتبقية
offer-any-size = أي حجم
offer-cases = الملفات في إطار هذا العرض
offer-create = تسجيل عرض
offer-change = تعديل العرض
offer-max-household-hint = اتركه فارغًا إذا كانت الدولة تقبل الأسر من أي حجم.
offers-none = لا عروض بعد.
case-invalid-household = المطلوب رمز أسرة (HH-…) أو رمز شخص.
case-invalid-unknown-household = لا توجد أسرة أو شخص بهذا الرمز.
case-invalid-no-household = لا ينتمي هذا الشخص إلى أي أسرة.
case-invalid-empty-household = لا أحد في هذه الأسرة يمكن إعادة توطينه.
case-invalid-already-open = لهذه الأسرة ملف مفتوح آخر.
case-invalid-departed = غادرت هذه الأسرة لإعادة التوطين: لا يمكن فتح ملف جديد لها.
case-invalid-transition = لا يمكن نقل الملف إلى هذه المرحلة من مرحلته الحالية.
case-invalid-before-last = يجب ألا يسبق تاريخ آخر خطوة في الملف.
case-invalid-future = يجب ألا يكون في المستقبل.
case-invalid-rejected-country = رفضت هذه الدولة الملف من قبل: قدّمه إلى دولة أخرى.
case-invalid-country-required = يجب أن يسمّي التقديم دولة أو عرضًا من دولة.
case-invalid-offer-country = يختلف عن دولة العرض.
case-invalid-unknown-offer = لا يوجد عرض كهذا.
case-invalid-household-too-large = الأسرة أكبر مما يقبله العرض.
case-invalid-no-medical-capacity = لا يستطيع هذا العرض قبول أشخاص ذوي احتياجات طبية خطيرة.
case-invalid-offer-full = الأماكن المتبقية في العرض لا تكفي هذه الأسرة.
case-invalid-note-length = طويل جدًا (٥٠٠ حرف على الأكثر).
offer-invalid-below-used = لا يمكن أن يقل عن الأماكن المستخدَمة.
offer-invalid-country-has-cases = قُدّمت ملفات في إطار هذا العرض، فلا يمكن تغيير دولته.
case-tab-pipeline = مسار الملفات
case-tab-forecast = التوقّع
case-pipeline-title = مسار إعادة التوطين
case-forecast-title = توقّع إعادة التوطين
case-as-of = حتى تاريخ
case-cutoff = تاريخ القطع للاختبار الرجعي
case-stall-days = متوقف بعد (أيام)
field-stall = متوقف بعد (أيام)
field-cutoff = تاريخ القطع للاختبار الرجعي
case-funnel = القمع
case-funnel-at = الملفات والأشخاص في كل مرحلة في نهاية { $date }
case-share-over-time = نسبة السكان المعاد توطينهم عبر الزمن
case-share-resettled = نسبة المعاد توطينهم
case-share-desc = نسبة السكان المعاد توطينهم شهرًا بشهر؛ { $n }٪ حتى الشهر الأخير.
case-percent = { $n }٪
case-percent-resettled = النسبة المئوية للمعاد توطينهم
case-people-resettled = الأشخاص المعاد توطينهم
case-time-in-stage = المدة في كل مرحلة
case-time-in-stage-hint = الأيام من دخول مرحلة حتى الخطوة التالية، للخطوات المتخذة حتى التاريخ المبيَّن؛ لا تُحسب الملفات التي ما زالت في المرحلة. يُحسب الملف للدولة التي قُدِّم إليها آخر مرة.
case-all-countries = كل الدول
case-not-submitted = لم يُقدَّم بعد
case-spells = الملفات المحسوبة
case-median-days = الوسيط (أيام)
case-p90-days = المئين التسعون (أيام)
case-stalled = الملفات المتوقفة
case-stalled-count =
    { $count ->
        [zero] لا ملفات مفتوحة بلا حركة منذ أكثر من { $days } يومًا.
        [one] ملف مفتوح واحد بلا حركة منذ أكثر من { $days } يومًا.
        [two] ملفان مفتوحان بلا حركة منذ أكثر من { $days } يومًا.
        [few] { $count } ملفات مفتوحة بلا حركة منذ أكثر من { $days } يومًا.
        [many] { $count } ملفًا مفتوحًا بلا حركة منذ أكثر من { $days } يومًا.
       *[other] { $count } ملف مفتوح بلا حركة منذ أكثر من { $days } يومًا.
    }
case-days-still = أيام بلا خطوة
case-population = السكان (الحاضرون أو المنقولون أو المعاد توطينهم)
case-remaining = المتبقون
case-months-observed = أشهر المغادرة المرصودة
case-pace = الوتيرة المرصودة
case-pace-value = نحو { $n } شخص في الشهر
case-forecast-none = لم يغادر أحد بعد، فلا وتيرة يمكن إسقاطها.
case-forecast-finish = بالوتيرة المرصودة يغادر آخر المقيمين نحو { $median } (في ٨ من ١٠ مستقبلات محاكاة بين { $fast } و{ $slow }).
case-forecast-finish-open = بالوتيرة المرصودة يغادر آخر المقيمين نحو { $median }؛ وفي أبطأ المستقبلات المحاكاة لا يحدث ذلك خلال خمسين سنة (وفي أسرعها بحلول { $fast }).
case-forecast-beyond = بالوتيرة المرصودة لا يغادر آخر المقيمين خلال خمسين سنة في معظم المستقبلات المحاكاة.
case-forecast-chart = الأشخاص المعاد توطينهم: حتى الآن، والتوقّع مع نطاقه
case-forecast-chart-desc = العدد التراكمي للمعاد توطينهم شهرًا بشهر، ثم وسيط التوقّع والمئينان العاشر والتسعون للمستقبلات المحاكاة.
case-forecast-actual = المعاد توطينهم
case-forecast-median = التوقّع (الوسيط)
case-forecast-fast = مستقبل سريع (المئين التسعون)
case-forecast-slow = مستقبل بطيء (المئين العاشر)
case-forecast-method = كيف يُحسب التوقّع
case-forecast-method-text = السجل هو عدد من غادروا في كل شهر، من أول مغادرة حتى التاريخ المبيَّن، بما في ذلك الأشهر التي لم يغادر فيها أحد. كل واحد من ١٬٠٠٠ مستقبل محاكى يسحب أشهره واحدًا تلو الآخر، عشوائيًا ومع الإرجاع، من تلك الأشهر المرصودة، ويعدّ المغادرين حتى لا يبقى أحد (خمسون سنة على الأكثر). يبيّن النطاق المئين العاشر حتى التسعين لعدد المعاد توطينهم في كل شهر عبر المستقبلات؛ وتاريخ الانتهاء هو وسيط الشهر الذي يغادر فيه آخر المقيمين، والمئينان العاشر والتسعون مداه.
case-forecast-method-limits = يفترض أن المستقبل يشبه الماضي المرصود: لا عروض جديدة ولا توقف. هذا هو السؤال المطروح — بالوتيرة المرصودة — لا تنبؤ بما ستقرره الحكومات. تستخدم المحاكاة بذرة ثابتة، فيعطي السجل نفسه التوقّع نفسه دائمًا.
case-backtest = الاختبار الرجعي
case-backtest-text = جرت الملاءمة على { $fitted } شهرًا قبل { $cutoff } والمقارنة مع { $compared } شهرًا بعده: غادر فعلًا { $actual } شخصًا، مقابل وسيط توقّع { $median } (النطاق { $low }–{ $high }). وقع الرقم الفعلي داخل النطاق في { $coverage }٪ من الأشهر؛ وأخطأ الوسيط بمعدل { $error } شخصًا.
case-backtest-none = السجل لا يكفي لاختبار رجعي: يلزم وجود مغادرات قبل تاريخ القطع وبعده.
case-backtest-chart = الاختبار الرجعي: التوقّع من تاريخ القطع مقابل ما حدث
case-backtest-chart-desc = العدد التراكمي للمعاد توطينهم بعد تاريخ القطع، فعليًا ومتوقعًا مع نطاقه.
case-people-resettled-after-cutoff = المعاد توطينهم بعد تاريخ القطع
case-tab-priority = الأولوية
case-priority-title = أولوية الملفات المفتوحة
case-priority-count =
    { $count ->
        [zero] لا ملفات مفتوحة.
        [one] ملف مفتوح واحد.
        [two] ملفان مفتوحان، الأكثر إلحاحًا أولًا.
        [few] { $count } ملفات مفتوحة، الأكثر إلحاحًا أولًا.
        [many] { $count } ملفًا مفتوحًا، الأكثر إلحاحًا أولًا.
       *[other] { $count } ملف مفتوح، الأكثر إلحاحًا أولًا.
    }
case-priority-how = كيف تُحسب الدرجة
case-priority-method = الطبية: أشد الاحتياجات الطبية الخطيرة إلحاحًا في الأسرة (طارئة ٥٠، عاجلة ٣٥، عادية ١٥). التهديد: الأكبر بين أولوية التقديم (طارئة ٤٠، عاجلة ٢٥) واحتياج إلى حماية قانونية أو جسدية (طارئ ٣٠، عاجل ٢٠، عادي ١٠). الانتظار: نقطة لكل شهر كامل منذ فتح الملف، ٣٦ على الأكثر. أوجه الضعف: ٨ لكل نوع آخر من الاحتياجات الخاصة في الأسرة، ٣٢ على الأكثر. عند التعادل يتقدم الملف الأقدم.
case-rank = الترتيب
case-score = الدرجة
case-why = السبب
case-why-nothing = لم تُسجَّل بعد حالة طبية عاجلة أو تهديد أو انتظار أو أوجه ضعف.
case-why-medical = احتياج طبي خطير، { $urgency } (+{ $points })
case-why-submission = قُدِّم بأولوية { $priority } (+{ $points })
case-why-protection = احتياج إلى حماية قانونية أو جسدية، { $urgency } (+{ $points })
case-why-waiting =
    { $months ->
        [zero] انتظار أقل من شهر (+{ $points })
        [one] انتظار شهر واحد (+{ $points })
        [two] انتظار شهرين (+{ $points })
        [few] انتظار { $months } أشهر (+{ $points })
        [many] انتظار { $months } شهرًا (+{ $points })
       *[other] انتظار { $months } شهر (+{ $points })
    }
case-why-vulnerabilities = أوجه الضعف: { $needs } (+{ $points })
case-download = تنزيل الملفات
case-download-resettled = المعاد توطينهم حسب الدولة والشهر (HXL)
case-tab-allocation = التخصيص
case-alloc-title = تخصيص العروض
case-alloc-proven = أمثل
case-alloc-not-proven = لم تثبت أمثليته
case-alloc-optimal = يضع هذا الاقتراح { $households } أسرة ({ $people } شخصًا)، بقيمة { $value } شخصًا مرجَّحًا بالأولوية: لا يوجد تخصيص آخر ضمن شروط العروض وأماكنها أفضل منه.
case-alloc-stopped = توقف البحث عند حده: يضع هذا الاقتراح { $households } أسرة ({ $people } شخصًا) ويبعد عن الأمثل { $gap }٪ على الأكثر.
case-alloc-how = كيف يُعدّ الاقتراح
case-alloc-method = الملفات المؤهلة هي المعترف بها أو التي رفضتها دولة أخرى. وزن كل شخص في الأسرة هو درجة أولويتها زائد واحد؛ يعظّم الاقتراح مجموع الوزن × الأشخاص الموضوعين، مع بقاء كل أسرة كاملة، في إطار عرض تستوفي شروطه (حجم الأسرة، القدرة الطبية، ليس دولة رفضتها) وضمن الأماكن المتبقية فيه بعد الملفات المنتظرة لقراره. يبحث أسلوب التفرع والتحديد الدقيق في كل التخصيصات ولا يقطع فرعًا إلا إذا تعذّر حتى على الملء الكسري للأماكن المتبقية أن يتفوق على أفضل ما وُجد، فالنتيجة مثلى؛ والبرهان في docs/resettlement.md.
case-alloc-offers = العروض المفتوحة
case-alloc-free = الأماكن الشاغرة
case-alloc-no-offers = لا عرض فيه أماكن شاغرة.
case-alloc-placements = المواضع المقترحة
case-alloc-none = لا شيء يُقترح: لا ملف مؤهل يناسب عرضًا مفتوحًا.
case-alloc-decision = القرار
case-alloc-accept = قبول: التقديم في إطار هذا العرض
case-alloc-reject = رفض هذا الموضع
case-alloc-why-offer = يقبل العرض ({ $country }) هذه الأسرة المكونة من { $people } (أكبر أسرة: { $max }؛ احتياجات طبية خطيرة: { $medical }) وفيه مكان لها.
case-alloc-medical-yes = نعم، ويستطيع العرض قبولها
case-alloc-medical-no = لا
case-alloc-unplaced = ملفات مؤهلة لم توضع
case-alloc-unplaced-count =
    { $count ->
        [zero] وُضعت كل الملفات المؤهلة.
        [one] ملف مؤهل واحد لم يوضع.
        [two] ملفان مؤهلان لم يوضعا.
        [few] { $count } ملفات مؤهلة لم توضع.
        [many] { $count } ملفًا مؤهلًا لم يوضع.
       *[other] { $count } ملف مؤهل لم يوضع.
    }
case-alloc-no-offer = لا تناسب شروطُ أي عرض مفتوح هذه الأسرة.
case-alloc-no-room = ذهبت الأماكن المناسبة لها إلى أسر ذات أشخاص مرجَّحين أكثر.
case-alloc-flash-accepted = قُبل الموضع: قُدّم الملف في إطار العرض.
case-alloc-flash-rejected = رُفض الموضع؛ لن يُقترح مرة أخرى.
field-case = الملف

# evidence
nav-evidence = الأدلة
evidence-title = ملفات الأدلة
evidence-file-title = ملف دليل
evidence-none = لا توجد ملفات أدلة بعد.
evidence-file-name = الملف
evidence-attached-to = مرفق بـ
evidence-target-incident = حادثة
evidence-target-source = مصدر
evidence-target-claim = ادعاء
evidence-target-id = رقم الحادثة أو المصدر أو الادعاء
evidence-media-type = النوع
evidence-size = الحجم (بايت)
evidence-received-on = تاريخ الاستلام
evidence-received-from = مستلم من
evidence-received-how = طريقة الاستلام
evidence-received-by = المستلِم
evidence-file = الملف
evidence-upload = رفع دليل
evidence-upload-hint = صور وفيديو وصوت وPDF ومستندات مكتبية ونصوص، حتى ٦٤ ميغابايت. يُحسب بصمة الملف ويُشفَّر عند وصوله؛ ويُحفظ الأصل دون تغيير.
evidence-original-note = هذا هو الملف الأصلي كما استُلم: يُخزَّن مشفّرًا ولا يُعدَّل أبدًا.
evidence-withheld = محجوب (لا يرى من سلّمه إلا الموثِّق)
evidence-download = تنزيل الأصل
evidence-custody = سلسلة الحيازة
evidence-custody-note = كل استلام لهذا الملف وكل عرض وتنزيل له قيدٌ في سجل التدقيق الموقَّع.
evidence-custody-who = من
evidence-custody-what = ماذا
evidence-custody-entry = قيد التدقيق
evidence-received = استُلم الملف وسُجِّل.
custody-receive = استُلم
custody-view = عُرض
custody-download = نُزِّل
evidence-file-damaged = الملف المخزَّن لهذا الدليل مفقود أو لا يطابق ما سُجِّل: لا يمكن تنزيله ولا وضعه في حزمة. أبلغ مدير النظام (‎`vigil evidence verify`‎ ثم استعادة مجلد الأدلة من نسخة احتياطية).
received-how-in-person = شخصيًا
received-how-messaging-app = تطبيق مراسلة
received-how-email = بريد إلكتروني
received-how-field-capture = التُقط في الميدان
received-how-other = أخرى
field-file = الملف
field-target-type = مرفق بـ
field-target-id = الرقم
field-received-on = تاريخ الاستلام
field-received-from = مستلم من
field-received-how = طريقة الاستلام
evidence-invalid-kind = هذا النوع من الملفات غير مقبول (تُقبل الصور والفيديو والصوت وPDF والمستندات والنصوص).
evidence-invalid-empty = الملف فارغ.
evidence-invalid-content = محتوى الملف لا يطابق ما يقوله اسمه: تحقّق من الملف وامتداده.
evidence-invalid-too-large = الملف أكبر من ٦٤ ميغابايت.
evidence-invalid-too-long = ٣٠٠ حرف على الأكثر.
evidence-invalid-target = لا يوجد سجل كهذا لإرفاق الملف به.
custody-export = صُدِّر ضمن حزمة للمحكمة
incident-evidence = ملفات الأدلة الخاصة بهذه الحادثة
bundle-title = حزمة للمحكمة
bundle-hint = ملفات الأدلة الخاصة بهذه الحادثة وبادعاءاتها وبمصادر تلك الادعاءات كما وردت؛ وبيانا تجزئتها SHA-256 وBLAKE3؛ وسجل سلسلة الحيازة؛ وسجل الحادثة؛ وسجل التدقيق حتى نقطة تحقق تُوقَّع الآن — مشفّرة بمفتاح age الخاص بالمستلم. يتحقق المستلم منها باستخدام sha256sum وb3sum وvigil audit verify-bundle. يُسجَّل إنشاؤها في سلسلة حيازة كل ملف.
bundle-recipient = مفتاح age العام للمستلم
bundle-make = تنزيل الحزمة
bundle-invalid-empty = لا يوجد ملف دليل مرفق بهذه الحادثة أو بادعاءاتها أو بمصادرها.
source-text = نص الوثيقة
source-text-from = مأخوذ من ملف الدليل
source-text-none = لم يُستورد أي نص لهذا المصدر بعد.
source-evidence = ملفات الأدلة الخاصة بهذا المصدر (أرفق الوثيقة واستورد نصها)
source-text-import = استورد أيضًا نص الوثيقة إلى مصدرها (نص عادي أو HTML أو PDF)
source-text-imported = سُجِّلت الوثيقة واستُورد نصها.
source-text-invalid-target = وثيقة المصدر وحدها لها نص يُستورد: أرفق الملف بمصدر.
source-text-invalid-kind = لا يمكن أخذ النص إلا من النص العادي وصفحات الويب (HTML) وملفات PDF.
source-text-invalid-encoding = النص ليس بترميز UTF-8: احفظه بترميز UTF-8 وحاول مجددًا.
source-text-invalid-empty = تعذّر أخذ أي نص من الملف (الصفحة الممسوحة ضوئيًا لا نص فيها).
source-text-invalid-too-long = النص أطول من مليوني حرف.
source-text-invalid-pdf = تعذّرت قراءة ملف PDF.
derived-copy-of = نسخة مشتقة من ملف الدليل
derived-copies = النسخ المشتقة
derived-none = لم تُصنع أي نسخة من هذا الملف.
derived-kind = نوع النسخة
derived-note = ما الذي تغيّر ولماذا
derived-hint = تُخزَّن النسخة ملفًا مستقلًا بتجزئاتها وسلسلة حيازتها الخاصة، ويُشار إلى أنها مأخوذة من هذا الأصل؛ ولا يُغيَّر الأصل أبدًا.
derived-upload = تسجيل نسخة مشتقة
derived-recorded = سُجِّلت النسخة.
derived-invalid-same = هذا الملف مطابق للأصل بايتًا ببايت، وليس نسخة منه.
derivation-redacted = محجوبة الأجزاء
derivation-metadata-stripped = بلا بيانات وصفية
derivation-transcoded = محوَّلة الترميز
derivation-thumbnail = صورة مصغّرة
derivation-excerpt = مقتطف
custody-derive = صُنعت نسخة
custody-store = نُقل دون تغيير من قاعدة البيانات إلى مجلد الأدلة
# end evidence
# search
nav-search = البحث
search-title = البحث في السجل
search-box = كلمات البحث (المصادر والادعاءات والحوادث؛ بأي إملاء أو خط)
search-filters = عوامل التصفية
search-any = الكل
search-go = ابحث
search-results = النتائج، الأفضل أولًا
search-none = لم يُعثر على شيء.
search-windowed = تطابق هذا البحث أكثر من ٥٬٠٠٠ وثيقة: هذه أفضل ما في آخر ٥٬٠٠٠ وثيقة فُهرست. أضف كلمة أو نطاقًا زمنيًا أو مرشحًا آخر للوصول إلى الوثائق الأقدم.
field-q = البحث
field-type = النوع
field-from = من
field-to = إلى
field-grade = درجة المصدر
search-invalid-empty = اكتب كلمة للبحث عنها.
search-invalid-long = ١٦ كلمة على الأكثر.
# end search

## commitments: agreements, commitments and their computed status
agreements-title = الاتفاقات والالتزامات
agreements-none = لم يُسجَّل أي اتفاق بعد.
agreement-kind = النوع
agreement-kind-memorandum = مذكرة تفاهم
agreement-kind-letter = رسالة
agreement-kind-statement = بيان
agreement-kind-pledge = تعهّد
agreement-kind-understanding = تفاهم
agreement-made-on = التاريخ
agreement-parties = الأطراف
agreement-signatories = الموقّعون
agreement-sources = المصادر
agreement-source = المصدر
agreement-commitments = الالتزامات
commitments-none = لا التزام مسجَّل في هذا الاتفاق.
commitment-heading = الالتزام { $id }
commitment-agreement = الاتفاق
commitment-statement = الالتزام
commitment-owed-by = الطرف الملتزِم
commitment-owed-to = الطرف الملتزَم له
commitment-in-force = مدة السريان
commitment-in-force-open = من { $from }، بلا تاريخ انتهاء
commitment-in-force-until = من { $from } حتى { $until }
commitment-term = الشرط
commitment-status = الحالة
commitment-since = الحالة دون تغيير منذ
commitment-decided-by = استنادًا إلى
commitment-deciding-more = و{ $n } أخرى
commitment-as-of = في تاريخ
commitment-as-of-show = عرض
commitment-history = تطوّر الحالة
commitment-history-none = لم يكن ساريًا بعد في هذا التاريخ.
commitment-history-from = من
commitment-observations = الملاحظات
commitment-observations-none = لا ملاحظة مسجَّلة.
commitment-status-pending = قيد الانتظار
commitment-status-met = منفَّذ
commitment-status-partly-met = منفَّذ جزئيًا
commitment-status-breached = منتهَك
commitment-status-cannot-judge = لا يمكن الحكم
commitment-status-share = { $status } ({ $share } بالمئة)
commitment-status-observed-fulfilled = نُفِّذ
commitment-status-observed-partly = نُفِّذ جزئيًا
commitment-status-observed-not-fulfilled = لم يُنفَّذ
commitment-status-observed-statement = تصريح فقط
observation-on = تاريخ الملاحظة
observation-outcome = النتيجة
observation-source = المصدر
observation-note = ملاحظة
evidence-incident = الحادثة { $id }
evidence-manifest = بند قائمة القافلة { $id }
evidence-observation = الملاحظة { $id }
term-deadline = الإنجاز بحلول { $due }
term-quantity = ما لا يقل عن { $n } { $item }
term-quantity-per = { $n } { $item } لكل { $per } مقيم
term-presence = الحضور { $share } بالألف من الوقت
term-frequency = ما لا يقل عن { $k } زيارات كل { $days } يومًا
term-prohibition = يجب ألّا يحدث: { $category }
term-access = يجب ألّا يُعرقَل: { $category }
agreement-create = تسجيل اتفاق
agreement-parties-hint = منظمة واحدة في كل سطر، بأي تهجئة لاسمها.
agreement-signatories-hint = واحد في كل سطر: الاسم | الطرف الذي وقّع باسمه.
agreement-summary = الملخّص
commitment-add = إضافة التزام
commitment-site = الموقع (الرمز)
commitment-convoy = القافلة (الرقم)
commitment-from = ساري المفعول من
commitment-until = ساري المفعول حتى (اتركه فارغًا إن لم يكن له نهاية)
commitment-term-hint = املأ حقول الشرط المختار فقط: المهلة — يوم الاستحقاق؛ الكمية — البند والعدد، وللنسبة عدد المقيمين والقافلة؛ الحضور — النسبة بالألف؛ التكرار — عدد الزيارات والمدة؛ الحظر والوصول — فئة الحادثة.
commitment-due-on = تاريخ الاستحقاق
commitment-item = البند (كما يرد في قائمة القافلة)
commitment-quantity = ما لا يقل عن (العدد)
commitment-per-residents = لكل … مقيم
commitment-share = النسبة (بالألف؛ ١٠٠٠ = كل الوقت)
commitment-visits = ما لا يقل عن … زيارات
commitment-period-days = كل … يومًا
commitment-category = فئة الحادثة
observation-add = إضافة ملاحظة
term-kind-deadline = مهلة
term-kind-quantity = كمية
term-kind-presence = حضور
term-kind-frequency = تكرار
term-kind-prohibition = حظر
term-kind-access = وصول
presence-title = حضور المراقبين
presence-coverage = { $present } ساعة حضور من أصل { $span } ساعة سريان ({ $share } بالمئة).
presence-gaps = أطول فترات الغياب
presence-gap = من { $from } إلى { $until } ({ $hours } ساعة)
presence-unmonitored = حوادث وقعت في غياب المراقبين
presence-unmonitored-none = لم يُسجَّل شيء.
agreement-incident = الحادثة

## Corrections and retraction (issue 5)
timeline-listed = تُعرض أحدث { $shown } حادثة من أصل { $count }؛ وتضمّ ملفات التصدير جميعها.
flash-retracted = سُحب. يبقى في السجل مع السبب الذي كتبته، ولم يعد يُحتسب.
retracted-note = سُحب في { $when } على يد { $by }: { $reason }
field-retraction-reason = سبب السحب
retract-note = لا يُحذف شيء: يبقى المدخل في السجل موسومًا بأنه مسحوب، مع من سحبه ومتى ولماذا، ولا يعود يُحتسب في القوائم والخط الزمني والتعزيز والبحث والتصدير. وتحفظ صفحته السبب، ويحفظ سجل التدقيق التغيير.
claim-retract = سحب
incident-edit = تصحيح هذه الحادثة
incident-edit-open = إظهار النموذج
incident-edit-note = تبقى ادعاءاتها وأفعالها وأرقامها؛ وتبقى نسختها السابقة على صفحتها.
incident-retract = سحب هذه الحادثة
source-edit = تصحيح هذا المصدر
source-edit-open = إظهار النموذج
source-edit-note = الدرجة أو الانتماء الجديد يغيّر تعزيز كل حادثة يتحدث عنها هذا المصدر؛ وتبقى نسخته السابقة على صفحته.
source-retract = سحب هذا المصدر
org-edit = تصحيح هذه الجهة
org-edit-open = إظهار النموذج
org-edit-note = كل تهجئة في سطر؛ وتُزال التهجئات التي لم تعد مذكورة. لا تُحذف الجهات أبدًا، فالمصادر والحوادث تشير إليها.
incident-invalid-retracted = سُحبت هذه الحادثة؛ ولم يعد من الممكن تغييرها.
claim-invalid-retracted = سُحب هذا الادعاء من قبل.
source-invalid-retracted = سُحب هذا المصدر؛ ولم يعد من الممكن تغييره.
org-invalid-taken = جهة أخرى تُعرف بهذا الاسم بالفعل.
revisions-title = النسخ السابقة
revision-line = حتى { $when }، حين صحّحه { $by }، كان نصّه: { $was }
retracted-badge = مسحوب
# commitments: report, visits (issue 7, session 3)
observation-counted = العدد المحصى
evidence-visit = الزيارة { $id }
report-commitments-title = الالتزامات وانتهاكاتها
report-commitments-intro = كل التزامات كل الاتفاقات، مع شرط كل التزام والحالة التي يعطيها له السجل في هذا اليوم، والأدلة والمصادر التي تستند إليها. يرافق كل مصدر درجة موثوقيته (من A إلى F). الحالة تُحسب ولا تُكتب يدويًا أبدًا.
report-as-of = حتى تاريخ
report-download-csv = تنزيل CSV
report-download-xlsx = تنزيل XLSX
report-by-party = الالتزامات حسب الطرف الملتزم والحالة
report-by-party-desc = لكل طرف ملتزم، عدد الالتزامات المنفَّذة والمنفَّذة جزئيًا والمنتهَكة والمعلَّقة وغير القابلة للحكم في يوم التقرير.
report-party = الطرف الملتزم
report-none = لم يُسجَّل أي التزام بعد.
report-over-time = الامتثال عبر الزمن
report-over-time-desc = عدد الالتزامات في كل حالة في نهاية كل شهر، حتى يوم التقرير.
report-commitments-count = عدد الالتزامات
report-coverage = تغطية الرقابة في التزامات الحضور
report-coverage-desc = لكل التزام حضور، نسبة كل شهر التي حضر فيها مراقب واحد على الأقل، بالمئة.
report-coverage-share = الوقت بحضور مراقب (٪)
report-coverage-series = الالتزام { $id }
report-evidence = الأدلة والمصادر
report-deciding = حاسم:
report-no-evidence = لم يُسجَّل أي دليل: تستند الحالة إلى غيابه (لم يحن الأجل بعد، أو لم يُسجَّل أي انتهاك).
report-more-evidence = { $n } أخرى في صفحة الالتزام
report-more-evidence-published = { $n } أخرى في السجل، غير مدرجة في هذه النسخة
report-link = التقرير: الالتزامات وانتهاكاتها
visits-title = زيارات الرقابة
visits-intro = كل زيارة لمراقبي منظمة إلى موقع، من الوصول إلى المغادرة. تُحتسب الزيارات في التزامات الحضور والتواتر لتلك المنظمة في ذلك الموقع.
visits-none = لم تُسجَّل أي زيارة بعد.
visits-all = كل زيارات الرقابة
visit-heading = زيارة الرقابة { $id }
visit-record = تسجيل زيارة
visit-organisation = المنظمة
visit-site = الموقع
visit-arrival = الوصول (UTC)
visit-departure = المغادرة (UTC)
visit-hours = الساعات
visit-monitors = المراقبون
visit-feeds = الالتزامات التي تُحتسب فيها هذه الزيارة
visit-feeds-none = لا التزام حضور أو تواتر لهذه المنظمة في هذا الموقع.

## Published reports
published-title = التقارير المنشورة
published-intro = تقارير منشورة لجميع القرّاء، ومنهم المراقبون: كلٌّ منها نسخة ثابتة من تقرير كما كان يوم نُشر، مع بصمة SHA-256 لمحتواه ليمكن التحقق من أي نسخة بمقارنتها بها. التقرير المسحوب يُحتفظ به، مع بيان من سحبه ومتى ولماذا.
published-none = لم يُنشر أي تقرير بعد.
published-report = التقرير
published-at = النشر
published-sha256 = SHA-256
published-state = الحالة
published-standing = منشور
published-withdrawn = مسحوب
published-withdrawn-note = سُحب هذا التقرير. يُحتفظ به كما نُشر للتوثيق؛ لا تعتمد عليه.
published-intact = المحتوى يطابق بصمته
published-altered = المحتوى لا يطابق بصمته
published-reason = سبب السحب
published-withdraw = سحب هذا التقرير
published-publish = نشر هذا التقرير للمراقبين
published-publish-hint = نسخة ثابتة حتى هذا اليوم، بلغة هذه الصفحة، مع بصمة SHA-256 الخاصة بها.
published-commitments-title = الالتزامات والخروقات حتى { $date }
published-done = نُشر التقرير.
published-withdrawn-done = سُحب التقرير.
published-dashboard-note = تقارير منشورة لجميع القرّاء.
published-invalid-reason = اذكر سبب سحب التقرير.
published-invalid-reason-long = السبب أطول من ٢٬٠٠٠ حرف.
published-already-withdrawn = سُحب هذا التقرير من قبل.
