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
dashboard-observer-note = دورك قراءة التقارير المنشورة. لم يُنشر أي تقرير بعد.
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
