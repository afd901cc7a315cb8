# vigil — English messages (the fallback language).
# Keys are kebab-case, grouped by page. The three files must define the same ids.

## Application

app-name = Vigil
app-tagline = Protection monitoring for refugees and displaced people

## Layout: skip link, header, footer

skip-to-content = Skip to main content
header-user-label = Signed-in user
header-role = Role: { $role }
footer-confidential = Confidential: this system holds protection data. Share it only as your data-sharing agreement allows.
footer-licence = Free software, licensed under the AGPL-3.0-or-later.

## Navigation

nav-label = Main navigation
nav-dashboard = Dashboard
nav-registry = Registry
nav-incidents = Incidents
nav-agreements = Agreements
nav-resettlement = Resettlement
nav-reports = Reports
nav-audit = Audit trail
nav-users = Users
nav-account = Account
nav-api-tokens = API tokens
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-area-registry = Registry
nav-people = People
nav-area-documentation = Documentation
nav-area-admin = Administration

## Language switch

lang-switch-label = Language
lang-en = English
lang-fa = Persian
lang-ar = Arabic

## Demo mode

demo-ribbon = Demo data — every resident is synthetic

## Login page

login-title = Sign in
login-intro = Use the account your administrator created for you.
login-username = Username
login-password = Password
login-submit = Sign in
login-failed = Sign-in failed. Check your username and password, or wait a few minutes and try again.

## Dashboard

dashboard-title = Dashboard

## Roles

role-admin = Administrator
role-registrar = Registrar
role-case-officer = Case officer
role-documenter = Documenter
role-analyst = Analyst
role-observer = Observer

## Errors

error-not-found-title = Page not found
error-not-found = The page or record you asked for does not exist, or you do not have access to it.
error-forbidden-title = Not allowed
error-forbidden = Your role does not allow this action.
error-bad-request-title = Invalid request
error-bad-request = The request could not be understood. Check the form and try again.
error-server-title = Something went wrong
error-server = An unexpected error occurred. Try again; if it keeps happening, tell your administrator.
error-evidence-damaged = The stored file of this evidence item is missing or was altered, so it cannot be delivered. Tell your administrator: `vigil evidence verify` finds the damage, and the evidence directory must be restored from a backup.
error-session-expired-title = Session expired
error-session-expired = Your session has expired. Please sign in again.
error-csrf-title = Form expired
error-csrf = This form has expired or was sent from another page. Reload the page and try again.
error-back-home = Back to the dashboard

## Common words and counts

common-save = Save
common-cancel = Cancel
common-search = Search
common-edit = Edit
common-delete = Delete
common-back = Back
common-next = Next
common-previous = Previous
common-yes = Yes
common-no = No
common-none = None
common-people-count =
    { $count ->
        [one] { $count } person
       *[other] { $count } people
    }


## Errors and flash messages

error-title = Something went wrong
error-bad-form = The form could not be read. Reload the page and try again.
error-conflict = That already exists.
error-refused = That change was refused: it would leave no active administrator.
error-too-large = The request is too large.
flash-saved = Saved.
flash-password-changed = Your password was changed. Sign in again with the new one.
flash-password-reset = The password was reset and the account's sessions were ended.
flash-token-revoked = The token was revoked.

## Field names

field-username = Username
field-password = Password
field-full-name = Full name
field-contact = Contact
field-role = Role
field-name = Name
field-days = Valid for (days)
field-confirm = Repeat the new password
field-current-password = Current password

## Validation

invalid-role = choose one of the listed roles.
invalid-username-length = must be 3 to 32 characters long.
invalid-username-chars = may contain only letters a–z, digits and . _ -
invalid-text-length = must be at most 200 characters.
invalid-text-control = must not contain control characters.
invalid-password-short = must be at least 12 characters long.
invalid-password-long = must be at most 128 characters long.
invalid-token-name = must be 1 to 80 characters.
invalid-token-days = must be a whole number of days from 1 to 366.
invalid-current-password = is not your current password.
invalid-password-mismatch = the two new passwords differ.

## Dashboard

dashboard-accounts = Active accounts by role
dashboard-sessions = Open sessions
dashboard-audit-entries = Audit trail entries
dashboard-checkpoints = Signed checkpoints
dashboard-last-checkpoint = Last checkpoint
dashboard-never = never
dashboard-observer-note = Your role reads the reports published for observers (below).
dashboard-audit-link = Verify the audit trail now

## Account

account-title = Your account
account-username = Username
account-role = Role
account-personal = Personal data
account-show-personal = Show personal data
account-personal-audited = Every view of personal data is recorded in the audit trail.
account-none = not recorded
account-change-password = Change your password
account-new-password = New password (at least 12 characters)
account-save-password = Change password
account-tokens-link = Personal API tokens

## API tokens

tokens-title = Personal API tokens
tokens-intro = A token lets a program use the API with your role. Treat it like a password.
tokens-create = Create token
tokens-created-once = Your new token is shown only this once. Copy it now.
tokens-prefix = Token
tokens-created = Created
tokens-expires = Expires
tokens-last-used = Last used
tokens-revoke = Revoke
tokens-revoked = revoked
tokens-none = You have no tokens.
tokens-never = never

## Users

users-title = Users
users-create = Add an account
users-create-submit = Add account
users-created-password = The account was created. Its password is shown only this once: hand it over in person.
users-search = Find an account by name
users-search-name = Full name (exact; case and spacing do not matter)
users-search-submit = Find
users-found = Accounts found
users-none-found = No account has that name.
users-status = Status
users-active = active
users-disabled = disabled
user-title = Account
user-personal = Personal data
user-show-personal = Show personal data
user-save-personal = Save personal data
user-role-change = Role and status
user-save-role = Change role
user-disable = Disable account
user-enable = Enable account
user-reset-password = Reset password
user-reset-hint = Leave empty to generate a password. The account's sessions end either way.
user-new-password-once = The new password is shown only this once: hand it over in person.
user-audit-link = This account in the audit trail

## Audit trail

audit-title = Audit trail
audit-actor = Actor
audit-action = Action
audit-object-type = Object type
audit-object-id = Object id
audit-apply = Filter
audit-seq = No.
audit-at = Time (UTC)
audit-summary = Summary
audit-object = Object
audit-next = Older entries
audit-verify-link = Verify the whole trail
audit-none = No entries match.
audit-verify-title = Audit trail verification
audit-verify-ok = The audit trail is intact: every entry links to the one before it and every signed checkpoint matches.
audit-verify-failed = The audit trail failed verification. History may have been altered:
audit-verify-entries = Entries checked
audit-verify-checkpoints = Checkpoints checked
audit-verify-last-hash = Hash of the last entry
audit-verify-public-key = Checkpoint public key (give it to third parties)

## Charts
chart-no-data = No data to show
chart-female = Female
chart-male = Male
chart-people = Number of people

## Registry: sites

nav-sites = Sites
sites-title = Sites
sites-none = No sites yet.
sites-present = Present now
sites-create = Add a site
site-title = Site
site-people-link = People at this site
site-population-now = Population now, by sex and age
site-pyramid-desc = Women and girls on one side, men and boys on the other, by UNHCR age band.
site-population-over-time = Population over time
site-age-band = Age band
site-age-unknown = Birth year not recorded
site-table = The figures as a table
site-month = Month
site-edit = Change this site
site-kind-camp = Camp
site-kind-transit = Transit location
site-kind-settlement = Settlement
site-kind-other = Other

## Registry: people

people-title = Registry
people-none = No one matches.
person-new-title = Register a person
person-new-note = Names, birth date, document, phone and notes are personal data: they are stored encrypted and shown only to roles that need them.
person-personal-legend = Personal data
person-record-legend = Record
person-place-legend = Site and household
person-new-household = Start a new household with this person
person-register = Register
person-title = Person
person-possible-duplicates = This person may already be registered. Compare with:
person-household-members = Household members
person-needs = Specific needs
person-history = Status and place over time
person-move = Record a move or a change of status
person-move-scope = Who moves
person-move-household = The whole household
person-move-person = This person only (refused if it splits the household)
person-move-split = This person only, splitting the household
common-all = All

## Fields of the registry

field-code = Code
field-kind = Kind
field-country = Country (ISO 3166 alpha-3)
field-capacity = Capacity
field-name-en = Name in English
field-name-fa = Name in Persian
field-name-ar = Name in Arabic
field-lat = Latitude
field-lon = Longitude
field-site = Site
field-status = Status
field-need = Specific need
field-min-household = Household size at least
field-sex = Sex
field-birth-year = Birth year
field-name-latin = Name (Latin script)
field-name-original = Name (original script)
field-birth-date = Birth date
field-document = Document number
field-phone = Phone
field-notes = Notes
field-nationality = Nationality (ISO 3166 alpha-3)
field-languages = Languages (ISO 639)
field-protection = Protection status
field-urgency = Urgency
field-vulnerability = Specific need
field-external-id = External id
field-relationship = Relationship to the head of household
field-household = Household
field-date = Date
field-reason = Reason

## Values

sex-female = Female
sex-male = Male
sex-other = Other
sex-unknown = Not recorded
status-present = Present
status-transferred = Transferred
status-resettled = Resettled
status-departed = Departed
status-deceased = Deceased
status-missing = Missing
protection-asylum-seeker = Asylum seeker
protection-mandate-refugee = Mandate refugee
protection-protected-person = Protected person
protection-stateless = Stateless
protection-other = Other
protection-unknown = Not recorded
vulnerability-serious-medical = Serious medical condition
vulnerability-disability = Disability
vulnerability-older-person = Older person at risk
vulnerability-child-at-risk = Child at risk
vulnerability-woman-at-risk = Woman at risk
vulnerability-survivor-of-torture = Survivor of torture
vulnerability-survivor-of-violence = Survivor of violence
vulnerability-legal-physical-protection = Legal or physical protection needs
urgency-normal = Normal
urgency-urgent = Urgent
urgency-emergency = Emergency
relationship-head = Head of household
relationship-spouse = Spouse
relationship-child = Child
relationship-parent = Parent
relationship-sibling = Sibling
relationship-other = Other

## Validation (registry)

invalid-country = expected an ISO 3166-1 alpha-3 code such as IRQ.
invalid-site-code = must be 2 to 16 of A–Z, 0–9 and -.
invalid-site-kind = choose camp, transit location, settlement or other.
invalid-required = is required.
invalid-number = expected a number.
invalid-count = expected a whole number in the allowed range.
invalid-latitude = must be between -90 and 90.
invalid-longitude = must be between -180 and 180.
invalid-coordinates = give both latitude and longitude, or neither.
invalid-person-code = expected a code such as VG-7K3Q-2M.
invalid-choice = choose one of the listed values.
invalid-date = expected a date as YYYY-MM-DD.
invalid-name-required = give a name in Latin or in the original script.
invalid-birth-year-mismatch = does not match the birth date.
invalid-language = expected ISO 639 codes such as fa, ar, ku.
invalid-external-id = must be at most 64 visible ASCII characters.
invalid-phone = may contain only digits, spaces and + - ( ).
invalid-site = no site has this code.

## Import

import-title = Import people
import-intro = Upload a CSV or XLSX file in vigil's layout. Every row is checked first; if any row is wrong, nothing is imported and the report says which row and which column to correct. Rows whose external id is already known update those people.
import-file = File (CSV or XLSX, at most 50 MiB)
import-dry-run = Only check the file; write nothing
import-submit = Check and import
import-template-csv = Template (CSV)
import-template-xlsx = Template (XLSX)
import-report = Report
import-rows = Rows read
import-accepted = Rows accepted
import-rejected = Rows rejected
import-line = Line
import-column = Column
field-vulnerabilities = Specific needs
import-problem = Problem
import-warnings = Warnings
import-nothing-written = Nothing was imported. Correct the rows listed below and import the file again.
import-dry-run-ok = Every row passed. This was a check only: nothing was written.
import-done = Imported: { $added } added, { $updated } updated, { $households } household(s) created.
import-file-error = The file could not be read:
import-age-approximate = birth year estimated from the age.
import-age-mismatch = the age does not match the birth date.
import-column-conflict = a header and its HXL hashtag name different columns.
import-duplicate-column = this column appears twice.
import-duplicate-id = the same external id appears on another line.
import-example-row = this is the template's example row; delete it.
import-external-id-required = every row needs an external id, so that importing again updates instead of duplicating.
import-extra-cells = this row has more cells than the header.
import-formula = looks like a spreadsheet formula; refused to protect whoever opens an export.
import-household-split = members of this household are on different sites.
import-missing-column = a required column is missing.
import-no-rows = the file has no data rows.
import-relationship-needs-household = a relationship needs a household.
import-two-heads = this household has two heads.
import-unknown-columns = unknown column; see the template for the column names.
import-unnamed-column = a column has no name.
invalid-household = expected a household reference of at most 64 visible characters.
table-bad-utf16 = the file is not valid UTF-16.
table-cell-error = a cell holds a spreadsheet error.
table-cell-too-long = a cell is longer than 10,000 characters.
table-empty = the file is empty.
table-extension-mismatch = the file's contents do not match its name.
table-no-header = the file has no header row.
table-no-sheet = the workbook has no sheet.
table-not-a-table = the file is not a CSV or XLSX table.
table-not-utf8 = the file is not UTF-8 (save it as UTF-8 or UTF-16).
table-nul = the file contains NUL characters.
table-old-office = old Excel files (.xls) are not read; save as .xlsx or CSV.
table-rows-out-of-order = the workbook's rows are out of order.
table-too-large = the file is larger than 50 MiB.
table-too-many-cells = the file has too many cells.
table-too-many-columns = the file has more than 200 columns.
table-too-many-rows = the file has more than 1,000,000 rows.
table-too-much-text = the file holds too much text.
table-unclosed-quote = a quoted cell is never closed.
table-unpacked-too-large = the workbook unpacks to more than 512 MiB.
table-unreadable = the workbook cannot be read.
table-utf16-without-bom = UTF-16 without a byte-order mark; save it with one, or as UTF-8.
table-utf32 = UTF-32 files are not read; save as UTF-8.

## Dashboard: registry

dashboard-registry = Registry
dashboard-people-present = people present at the sites
dashboard-people = People registered
dashboard-households = Households

## Duplicates and watch list

nav-matches = Duplicates
nav-watchlist = Watch list
matches-title = Possible duplicates
matches-intro = Flags raised when a person was registered, imported or changed: the same document number, the same name (in any spelling) with birth years at most two apart, or a name on the watch list. Compare the two records and decide: the same person (the records are merged, history kept) or different people (the pair is never flagged again).
matches-open-count =
    { $count ->
        [one] { $count } flag to review
       *[other] { $count } flags to review
    }
matches-none-open = No flags to review.
matches-none = No flags with this status.
matches-flag = Flag
matches-person-a = Record A
matches-person-b = Record B
matches-raised = Raised
matches-watch-list = Watch list
matches-review = Review
match-title = Possible duplicate
match-decided = Decided
match-watch-explained = This person's name matches an entry of the watch list. Only administrators can read the list; you see the entry's category.
match-show-personal = Show the personal data of both (recorded in the audit trail)
match-decide = Decision
match-decision-not-listed = Not the listed person
match-merge-explained = If they are the same person, the other record is merged into the one whose code you keep: its history, needs and household move over, and its code leads to the kept record from now on.
match-reason-hint = Say why, without names or other personal data (for example “same document seen”, “different fathers' names checked”). Written to the audit trail.
match-decide-submit = Record the decision
field-flag-status = Flag status
field-match-reason = Why flagged
field-decision = Decision
field-decision-reason = Reason for the decision
field-keep = Keep the code of
field-watch-name = Name
field-watch-category = Category
field-watch-note = Note
match-reason-document = Same document number
match-reason-name-birth-year = Same name, close birth year
match-reason-watch-list = Name on the watch list
flag-status-open = Open
flag-status-merged = Same person (merged)
flag-status-distinct = Different people
flag-status-confirmed = Watch-list match confirmed
flag-status-superseded = Superseded by a merge
decision-same = The same person: merge the records
decision-distinct = Different people
decision-confirmed = The match holds
watch-category-known-agent = Known agent
watch-category-impersonator = Impersonator
watch-category-infiltrator = Infiltrator
watch-category-other = Other
invalid-note-length = must be at most 1,000 characters.
invalid-watch-name = give a name in Latin, Persian or Arabic letters.
invalid-decision-watch = a watch-list match is confirmed or dismissed, not merged.
invalid-decision-pair = two records are either the same person or different people.
flash-match-merged = The records were merged.
flash-match-decided = The decision was recorded.
error-match-decided = This flag has already been decided.
flash-watch-added = The name was added to the watch list; people already registered under it are flagged.
flash-watch-removed = The entry was removed from the watch list.
person-review-flags = Review them in the duplicates queue
person-merged-from = Merged records
person-merged-record = Merged record
person-status-merged = Merged into another record
import-flagged =
    { $count ->
        [one] { $count } imported person may be a duplicate or match the watch list: see the duplicates queue.
       *[other] { $count } imported people may be duplicates or match the watch list: see the duplicates queue.
    }
import-merged-skipped =
    { $count ->
        [one] { $count } row was left unchanged because its record was merged into another.
       *[other] { $count } rows were left unchanged because their records were merged into others.
    }
watchlist-title = Watch list
watchlist-intro = Names of known agents, impersonators and infiltrators. Registering or importing a person under one of these names, in any spelling, raises a flag for the registrars, who see only the category.
watchlist-audited = Names and notes are personal data: every view of this list is recorded in the audit trail.
watchlist-none = The watch list is empty.
watchlist-hits = Flags
watchlist-added = Added
watchlist-removed = Removed
watchlist-show-removed = Show removed entries too
watchlist-hide-removed = Hide removed entries
watchlist-add = Add a name
watchlist-name-hint = One name as written in any script; given name first, as on the registration form.
watchlist-add-submit = Add to the watch list
watch-entry-title = Watch-list entry
watch-entry-hits = People flagged against this entry
watch-entry-no-hits = No one has matched this entry.
watch-entry-remove = Remove from the watch list
watch-entry-remove-explained = The entry stops matching and its open flags close. It stays on file, marked removed, because past flags refer to it.
watch-entry-remove-submit = Remove

## Exports

people-export = Export
people-export-intro = Codes and non-personal fields only, for the people the filter above shows. Every export is recorded in the audit trail.
people-export-csv = CSV (for Excel)
people-export-xlsx = XLSX workbook
people-export-personal = Exports with personal data…
people-export-population-at = Population as of
people-export-population = Population by sex and age (HXL CSV)
exports-title = Exports with personal data
exports-intro = An export with names and other personal data needs two registrars: one requests it and a second approves it. The file is encrypted to the recipient's age key, only the registrar who requested it can download it, and only once. A request expires 24 hours after it was made, and an approval 24 hours after it was given, if not used. Every step is recorded in the audit trail.
exports-request = Request an export
exports-recipient-help = The recipient's age public key (it starts with age1), made with age-keygen. Only whoever holds the matching secret key can open the file.
exports-purpose-help = Why the export is needed, in a few words and without names.
exports-submit = Request
exports-list = Requests
exports-none = No export has been requested yet.
exports-requested = Requested
exports-people = People
exports-state = State
exports-actions = Actions
exports-decided-by = by
exports-expires = expires
exports-approve = Approve
exports-reject = Reject
exports-download = Download (once)
export-state-requested = waiting for a second registrar
export-state-approved = approved
export-state-rejected = rejected
export-state-expired = expired
export-state-downloaded = downloaded
field-recipient = Recipient's key
field-purpose = Purpose
field-format = Format
field-at = Date
flash-export-requested = Export requested. A second registrar must approve it.
flash-export-approved = Export approved. The registrar who requested it can now download it once.
flash-export-rejected = Export rejected.
export-refused-not-self = A second registrar must decide: you cannot approve or reject your own request.
export-refused-expired = This request has expired. Request the export again.
export-refused-decided = This request has already been decided.
export-refused-downloaded = This export has already been downloaded; each approval allows one download.
export-refused-not-approved = This export has not been approved yet.
export-refused-rejected = This export was rejected.
invalid-age-recipient = expected an age public key: age1 followed by 58 letters and digits (from age-keygen).
invalid-export-purpose = say in one line of at most 200 characters why the export is needed, without names.
invalid-export-format = choose CSV or XLSX.
export-too-many-rows-for-xlsx = too many people for one XLSX sheet; export CSV instead.

## Registry: convoys

nav-convoys = Convoys
convoys-title = Convoys
convoys-none = No convoys yet.
convoys-create = Add a convoy
convoy-title = Convoy
convoy-heading = Convoy { $seq }
convoy-route = From → to
convoy-people = People
convoy-shortfalls = Shortfalls
status-planned = Planned
status-under-way = Under way
status-completed = Completed
status-blocked = Blocked
field-seq = Sequence number
field-origin = From
field-destination = To
field-planned-on = Planned date
field-departed-on = Departure date
field-arrived-on = Arrival date
field-item = Item
field-unit = Unit
field-agreed = Agreed
field-allowed = Allowed
field-moved = Moved
field-agreed-source = Source of the agreed figure
field-allowed-source = Source of the allowed figure
field-moved-source = Source of the moved figure
field-left = Left the origin
field-arrived = Arrived
field-missing = Did not arrive
field-scope = Who
convoy-short = Short
convoy-short-allowed = { $item }: { $agreed } agreed, { $allowed } allowed.
convoy-short-moved = { $item }: { $agreed } agreed, { $moved } moved.
convoy-short-both = { $item }: { $agreed } agreed, { $allowed } allowed, { $moved } moved.
convoy-shortfall-intro =
    { $count ->
        [one] One line of the manifest falls short of what was agreed:
       *[other] { $count } lines of the manifest fall short of what was agreed:
    }
convoy-head-counts = Head counts
convoy-listed = Listed
convoy-left = Left the origin
convoy-arrived = Arrived
convoy-did-not-arrive = Left but did not arrive
convoy-marked-missing = Recorded missing
convoy-counts-not-recorded = The head counts are recorded when the convoy is completed.
convoy-unaccounted =
    { $count ->
        [one] One person who left did not arrive and is not yet recorded missing.
       *[other] { $count } people who left did not arrive and are not yet recorded missing.
    }
convoy-unlisted =
    { $count ->
        [one] One more person left than were listed.
       *[other] { $count } more people left than were listed.
    }
convoy-manifest = Asset manifest
convoy-manifest-none = No manifest lines yet.
convoy-sources = Sources
convoy-totals = Total
convoy-line-add = Add a manifest line
convoy-line-edit = Change
convoy-line-remove = Remove this line
convoy-source-note = For each figure, cite where it comes from: a document, a report, a statement. Never personal data.
convoy-add = Add
convoy-members = People on the convoy
convoy-members-none = No one is listed yet.
convoy-outcome = Outcome
convoy-outcome-listed = Listed
convoy-outcome-arrived = Arrived
convoy-outcome-missing = Missing
convoy-remove = Remove
convoy-remove-household = Remove the household
convoy-remove-person = Remove only this person (splits the household)
convoy-add-people = Add a household
convoy-add-code = Code of a member of the household
convoy-scope-household = The whole household (members present at the origin)
convoy-scope-split = This person only, splitting the household
convoy-complete = Complete the convoy
convoy-complete-note = Everyone on the convoy moves to { $destination }, present there from the arrival date, except those ticked as not arrived, who are recorded missing. This cannot be undone.
convoy-complete-blocked = This convoy is blocked. Change its status before completing it.
convoy-left-hint =
    { $count ->
        [one] Leave empty if the one person listed left.
       *[other] Leave empty if all { $count } people listed left.
    }
convoy-missing-legend = Did not arrive (recorded missing)
convoy-edit = Change this convoy
convoy-mark-missing = Record people who did not arrive
convoy-mark-missing-note = They are recorded missing from the arrival date. Correct the arrival count too if it was wrong.
convoy-arrived-correction = Corrected arrival count (optional)
convoy-flash-added = Added to the convoy.
convoy-flash-removed = Taken off the convoy.
convoy-flash-line-removed = The manifest line was removed.
convoy-flash-completed = The convoy is completed: its people are now at the destination.
convoy-flash-missing = Recorded.
convoy-refused-completed = This convoy is completed; its list and route can no longer change.
convoy-refused-blocked = A blocked convoy cannot be completed. Change its status first.
convoy-refused-not-completed = This convoy is not completed yet.
convoy-refused-not-at-origin = Someone on the convoy is no longer present at its origin. Take them off the convoy first.
convoy-invalid-same-site = must differ from the origin.
convoy-invalid-status-completed = a convoy is completed with the form that moves its people.
convoy-invalid-arrival-before-departure = must not be before the departure date.
convoy-invalid-text-length = is too long.
convoy-invalid-no-quantity = give at least one of the quantities agreed, allowed or moved.
convoy-invalid-more-arrived = cannot be more than the number who left.
convoy-invalid-origin-has-people = take the people off the convoy before changing its origin.
convoy-invalid-would-split = this would split the household: take the whole household, or choose to split it.
convoy-invalid-unknown-person = no person has this code.
convoy-invalid-not-at-origin = this person is not present at the convoy's origin.
convoy-invalid-on-other-convoy = this person is already on another convoy that has not arrived.
convoy-invalid-not-listed = this person is not on the convoy.
convoy-invalid-missing-count = more people are recorded missing than the head counts say did not arrive.
convoy-invalid-left-below-listed = fewer left than are listed: take those who stayed off the convoy first.
convoy-invalid-not-at-destination = someone chosen is no longer recorded present at the destination.

## Registry: name search and households

people-name-search = Find by name
people-name-search-hint = Any spelling or script of the whole name: Mohammad finds Muhammad and محمد. The search is recorded in the audit trail, without the name.
people-name-search-results = People whose name matches, in any spelling.
person-household-join = Household
person-household-join-hint = The code of an existing household (HH-…), or leave empty to start a new one with this person.

## incidents: organisations, sources, claims and incidents

nav-sources = Sources
nav-organisations = Organisations
incidents-title = Incidents
incidents-none = No incidents recorded yet.
incidents-create = Record an incident
sources-title = Sources
sources-none = No sources yet.
sources-create = Add a source
sources-claims = What this source claims
sources-org-hint = Name the publisher and the party by any spelling an organisation already has; add the organisation first if it is new.
orgs-title = Organisations
orgs-none = No organisations found.
orgs-create = Add an organisation
orgs-search = Find by name
orgs-search-button = Find
orgs-search-hint = Any spelling or script: Qods Force finds Quds Force and نیروی قدس.
orgs-aliases-hint = Other spellings of the name, one per line, in any script.
orgs-add-aliases = Add spellings
orgs-incidents = Incidents it is alleged to be behind
orgs-sources = Sources it published or that speak for it
claims-none = No claims recorded yet.
field-title = Title
field-category = Category
field-started = Began
field-ended = Ended
field-place = Place
field-geo-precision = Precision of the place
field-description = Description
field-act = Act
field-person = Person (code)
field-victims = Number of victims
field-age-band = Age band
field-organisation = Organisation
field-involvement = Degree of involvement
field-measure = Figure
field-value = Value
field-verification = Verification
field-org-kind = Kind of organisation
field-aliases = Other spellings
field-source-kind = Kind of source
field-publisher = Publisher
field-author = Author
field-published-on = Published on
field-language = Language (ISO 639)
field-url = Address (URL)
field-affiliation = Affiliation
field-aligned-with = Aligned with
field-reliability = Source reliability
field-reliability-reason = Why this grade
field-source = Source
field-about = About
field-locator = Where in the source
field-statement = What the source says
field-values = Figures
field-credibility = Credibility
category-rocket-attack = Rocket attack
category-armed-assault = Armed assault
category-killing = Killing
category-injury = Injury
category-hostage-taking = Hostage taking
category-medical-denial = Medical denial
category-supply-blockade = Supply blockade
category-property-seizure = Property seizure
category-harassment = Harassment
category-surveillance = Surveillance
category-intimidation = Intimidation
category-information-gathering = Information gathering
category-infiltration = Infiltration
category-threat = Threat
geo-precision-exact = exact place
geo-precision-near = near the place
geo-precision-region = region only
act-killed = Killed
act-injured = Injured
act-detained = Detained
act-taken-hostage = Taken hostage
act-denied-medical-care = Denied medical care
act-property-seized = Property seized
act-threatened = Threatened
act-harassed = Harassed
act-surveilled = Watched
involvement-direct = Direct perpetrator
involvement-command = Command responsibility
involvement-complicity = Complicity
involvement-failure-to-act = Failure to act
verification-unverified = Unverified
verification-corroborated = Corroborated
verification-verified = Verified
org-kind-un-body = UN body
org-kind-government = Government
org-kind-embassy = Embassy
org-kind-armed-group = Armed group
org-kind-ngo = NGO
org-kind-media-outlet = Media outlet
org-kind-residents = Residents' representatives
source-kind-article = Article
source-kind-statement = Statement
source-kind-letter = Letter
source-kind-report = Report
source-kind-testimony = Testimony
source-kind-photo = Photo
source-kind-video = Video
affiliation-independent = Independent
affiliation-official = Official
affiliation-aligned = Aligned with a party
reliability-a = completely reliable
reliability-b = usually reliable
reliability-c = fairly reliable
reliability-d = not usually reliable
reliability-e = unreliable
reliability-f = reliability cannot be judged
credibility-1 = confirmed by other sources
credibility-2 = probably true
credibility-3 = possibly true
credibility-4 = doubtful
credibility-5 = improbable
credibility-6 = truth cannot be judged
incident-claims = Claims
incident-side-by-side = What each source says
incident-accepted = Accepted by the record
incident-accepted-reason = { $measure }: { $value } accepted by { $by }, because: { $reason }
incident-discounted-note = Greyed rows come from a source graded D–F or a claim graded 4–6: they are kept and shown, but never count as corroboration.
incident-corroboration = Corroboration
incident-corroboration-rule = Computed from the claims: each independent voice counts once (all statements of one party, or all articles of one outlet, are one voice), and only claims at least possibly true (1–3) from sources at least fairly reliable (A–C) count.
incident-disputed = Sources disagree
incident-value-support =
    { $value }: { $claims ->
        [one] one claim
       *[other] { $claims } claims
    }, { $voices ->
        [0] no independent supporting source
        [one] one independent supporting source
       *[other] { $voices } independent supporting sources
    }
incident-voices =
    { $count ->
        [0] No independent source supports this incident yet.
        [one] One independent source supports this incident; corroboration needs two.
       *[other] { $count } independent sources support this incident.
    }
incident-verified-by = Verified by { $by }: { $reason }
incident-acts = Acts and victims
incident-acts-none = No acts recorded yet.
incident-age-unknown = not known
incident-perpetrators = Alleged perpetrators
incident-perpetrators-none = No alleged perpetrator recorded.
incident-add-claim = Add a source's claim
incident-set-figure = Set the accepted figure
incident-add-act = Add an act
incident-add-perpetrator = Add an alleged perpetrator
incident-set-verification = Verification
incident-verification-hint = Corroborated is never set by hand: it follows from the sources. Verified means a documenter checked it, and says how.
incident-when-hint = Type as precisely as known: 2013-12-26 05:30, 2013-12-26, 2013-12 or 2013.
incident-place-hint = Never the location of an individual: a site, a place or an area.
incident-values-hint = One figure per measure: killed, injured, detained, taken_hostage, denied_medical_care, property_seized, threatened, harassed, surveilled.
incident-claims-legend = What the sources say
incident-claims-hint = Optional: each source's claim about this incident, recorded with it in one step. A row left without a source is skipped; more claims can be added on the incident's page.
incident-victims-hint = The code of a registered person, or a number of people — not both.
incident-invalid-when = expected 2013, 2013-12, 2013-12-26 or 2013-12-26 05:30.
incident-invalid-end-before-start = must not be before the start.
incident-invalid-text-length = is too long.
incident-invalid-no-victims = give a person's code or a number of victims.
incident-invalid-both-victims = give a person's code or a number of victims, not both.
incident-invalid-corroborated-typed = corroboration is computed from independent sources, never set by hand.
incident-invalid-unknown-person = no person has this code.
org-invalid-unknown = no organisation has this name; add it first.
org-invalid-ambiguous = several organisations have this name; use a spelling only one of them has.
org-invalid-no-letters = must contain letters.
org-invalid-too-many-aliases = at most 50 spellings.
source-invalid-reliability = expected a grade from A to F.
source-invalid-language = expected an ISO 639 code such as fa, ar or en.
source-invalid-url = expected an address starting with https:// or http://.
source-invalid-aligned-needs-party = name the party the source is aligned with.
source-invalid-party-not-aligned = only a source aligned with a party names one.
source-invalid-official-needs-publisher = an official source names the organisation that issued it.
claim-invalid-credibility = expected a grade from 1 to 6.
claim-invalid-values = expected measure = number, for example killed = 35.
claim-invalid-values-repeated = give each measure at most once.
claim-invalid-person-needed = a claim about a person gives the person's code.
claim-invalid-figure-needs-values = a claim about a figure gives at least one, for example killed = 35.
claim-invalid-empty = say what the source states, or give its figures.
claim-invalid-unknown-source = no such source.
nav-timeline = Timeline and map
timeline-title = Timeline and map
timeline-chart-title = Incidents by month and category
timeline-chart-desc =
    { $count ->
        [one] One incident, counted in the month it began (or its year, when only the year is known).
       *[other] { $count } incidents, each counted in the month it began (or its year, when only the year is known).
    }
timeline-incidents = Incidents
timeline-map-title = Sites and places of incidents
timeline-map-desc = Squares are sites, circles are places of incidents, each with the number of incidents shown. No individual's location is ever drawn.
timeline-grade = Sources graded at least
timeline-filter = Show
timeline-table = The figures as a table
timeline-period = Month
timeline-unplaced =
    { $count ->
        [one] One incident has no place with coordinates and is not on the map.
       *[other] { $count } incidents have no place with coordinates and are not on the map.
    }
timeline-export = Export what is shown
timeline-export-note = Always redacted: victims are counted, never named or coded, and the map holds sites and places, never where an individual is.
timeline-export-acled = ACLED-shaped CSV
timeline-export-events = Events JSON (HURIDOCS shape)
timeline-export-schema = its JSON Schema
timeline-export-geojson = GeoJSON of sites and places
timeline-export-xlsx = The same rows as XLSX
## resettlement

case-overview-title = Resettlement
case-title = Resettlement case
case-heading = Case { $id } — household { $household }
case-tabs-label = Resettlement pages
case-tab-cases = Cases
case-tab-offers = Country offers
case-funnel-now = Cases and people at each stage now
case-funnel-desc =
    { $count ->
        [one] The resettlement funnel: { $count } person in cases, by stage.
       *[other] The resettlement funnel: { $count } people in cases, by stage.
    }
case-cases = Cases
case-people = People
case-list = Cases
case-all-stages = All stages
case-filter = Show
case-none = No cases.
case-list-limited = Only the first 500 cases are listed; choose a stage to see others.
case-number = Case
case-since = Since
case-open = Open a case
case-household-hint = The household's code (HH-…) or the code of one of its people. The whole household goes with the case.
case-history = History
case-recorded = Recorded
case-rejected-by = Rejected by
case-offer = Offer
case-offer-option = Offer { $id }: { $country }, { $left } places left
case-next-step = Record the next step
case-submission = Submission
case-submission-hint = Only for a submission: the offer it goes under, or a country; its priority and category.
case-record-step = Record the step
case-after-days =
    { $count ->
        [one] after { $count } day
       *[other] after { $count } days
    }
case-flash-step = The step was recorded.
field-stage = Stage
field-priority = Priority
field-submission-category = Submission category
field-offer = Offer
field-announced-on = Announced on
field-places = Places
field-max-household = Largest household taken
field-medical = Can take serious medical cases
stage-identified = Identified
stage-interviewed = Interviewed
stage-recognised = Recognised
stage-submitted = Submitted
stage-accepted = Accepted
stage-rejected = Rejected
stage-deferred = Deferred
stage-departure-scheduled = Departure scheduled
stage-departed = Departed
stage-withdrawn = Withdrawn
priority-normal = Normal
priority-urgent = Urgent
priority-emergency = Emergency
category-legal-physical-protection = Legal and/or physical protection needs
category-survivors-of-violence = Survivors of violence and/or torture
category-medical-needs = Medical needs
category-women-at-risk = Women and girls at risk
category-family-reunification = Family reunification
category-children-at-risk = Children and adolescents at risk
category-no-alternative = Lack of foreseeable alternative durable solutions
offers-title = Country offers
offer-title = Country offer
offer-heading = Offer { $id } — { $country }
offer-number = Offer
offer-used = Used
offer-pending = Awaiting decision
offer-left = Left
offer-any-size = Any size
offer-cases = Cases under this offer
offer-create = Record an offer
offer-change = Change the offer
offer-max-household-hint = Leave empty if the country takes households of any size.
offers-none = No offers yet.
case-invalid-household = expected a household code (HH-…) or a person's code.
case-invalid-unknown-household = no household or person has this code.
case-invalid-no-household = this person belongs to no household.
case-invalid-empty-household = no one in this household can be resettled.
case-invalid-already-open = this household already has an open case.
case-invalid-departed = this household has departed for resettlement: it cannot have a new case.
case-invalid-transition = the case cannot move to this stage from where it is.
case-invalid-before-last = must not be before the date of the case's last step.
case-invalid-future = must not be in the future.
case-invalid-rejected-country = this country has already rejected the case: submit it to another.
case-invalid-country-required = a submission names a country, or an offer of one.
case-invalid-offer-country = differs from the country of the offer.
case-invalid-unknown-offer = no such offer.
case-invalid-household-too-large = the household is larger than the offer takes.
case-invalid-no-medical-capacity = the offer cannot take people with serious medical needs.
case-invalid-offer-full = the offer has too few places left for this household.
case-invalid-note-length = is too long (at most 500 characters).
offer-invalid-below-used = cannot be fewer than the places already used.
offer-invalid-country-has-cases = cases were submitted under this offer, so its country cannot change.
case-tab-pipeline = Pipeline
case-tab-forecast = Forecast
case-pipeline-title = Resettlement pipeline
case-forecast-title = Resettlement forecast
case-as-of = As of
case-cutoff = Back-test cut-off
case-stall-days = Stalled after (days)
field-stall = Stalled after (days)
field-cutoff = Back-test cut-off
case-funnel = Funnel
case-funnel-at = Cases and people at each stage at the end of { $date }
case-share-over-time = Share of the population resettled over time
case-share-resettled = Share resettled
case-share-desc = The share of the population resettled, month by month; { $n } % by the last month.
case-percent = { $n } %
case-percent-resettled = Per cent resettled
case-people-resettled = People resettled
case-time-in-stage = Time in each stage
case-time-in-stage-hint = Days from entering a stage to the next step, for steps taken by the date shown; cases still at a stage are not counted. A case counts toward the country it was last submitted to.
case-all-countries = All countries
case-not-submitted = Not yet submitted
case-spells = Cases counted
case-median-days = Median (days)
case-p90-days = 90th percentile (days)
case-stalled = Stalled cases
case-stalled-count =
    { $count ->
        [one] { $count } open case has not moved for more than { $days } days.
       *[other] { $count } open cases have not moved for more than { $days } days.
    }
case-days-still = Days without a step
case-population = Population (present, transferred or resettled)
case-remaining = Still to leave
case-months-observed = Months of departures observed
case-pace = Observed pace
case-pace-value = about { $n } people a month
case-forecast-none = No one has departed yet, so there is no pace to project.
case-forecast-finish = At the observed pace the last resident would leave around { $median } (in 8 of 10 simulated futures between { $fast } and { $slow }).
case-forecast-finish-open = At the observed pace the last resident would leave around { $median }; in the slowest simulated futures not within fifty years (the fastest by { $fast }).
case-forecast-beyond = At the observed pace most simulated futures do not see the last resident leave within fifty years.
case-forecast-chart = People resettled: so far, and the forecast with its band
case-forecast-chart-desc = Cumulative people resettled month by month, then the median forecast and the 10th and 90th percentiles of simulated futures.
case-forecast-actual = Resettled
case-forecast-median = Forecast (median)
case-forecast-fast = Fast future (90th percentile)
case-forecast-slow = Slow future (10th percentile)
case-forecast-method = How the forecast is made
case-forecast-method-text = The history is the number of people who departed in each month, from the first departure to the date shown, months with no departure included. Each of 1,000 simulated futures draws its months one at a time, at random and with replacement, from those observed months, and counts departures until no one is left (at most fifty years). The band shows the 10th to 90th percentile of people resettled at each month across the futures; the finish date is the median month in which the last resident leaves, with the 10th and 90th percentiles as its range.
case-forecast-method-limits = It assumes the future is like the observed past: no new offers, no stop. That is the question asked — at the observed pace — not a prediction of what governments will decide. The simulation uses a fixed seed, so the same record always gives the same forecast.
case-backtest = Back-test
case-backtest-text = Fitted on the { $fitted } months before { $cutoff } and compared with the { $compared } months after: { $actual } people actually departed, against a forecast median of { $median } (band { $low }–{ $high }). The actual figure lay inside the band in { $coverage } % of the months; the median was off by { $error } people on average.
case-backtest-none = Not enough history for a back-test: it needs departures both before and after the cut-off.
case-backtest-chart = Back-test: the forecast from the cut-off against what happened
case-backtest-chart-desc = Cumulative people resettled after the cut-off, actual and forecast with its band.
case-people-resettled-after-cutoff = People resettled after the cut-off
case-tab-priority = Priority
case-priority-title = Priority of open cases
case-priority-count =
    { $count ->
        [one] { $count } open case, most urgent first.
       *[other] { $count } open cases, most urgent first.
    }
case-priority-how = How the score is made
case-priority-method = Medical: the most urgent serious medical need in the household (emergency 50, urgent 35, normal 15). Threat: the larger of the submission's priority (emergency 40, urgent 25) and a legal or physical protection need (emergency 30, urgent 20, normal 10). Waiting: one point per full month since the case was opened, at most 36. Vulnerabilities: 8 for each other kind of specific need in the household, at most 32. Ties go to the case opened first.
case-rank = Rank
case-score = Score
case-why = Why
case-why-nothing = No medical urgency, threat, waiting or vulnerability recorded yet.
case-why-medical = Serious medical need, { $urgency } (+{ $points })
case-why-submission = Submitted with { $priority } priority (+{ $points })
case-why-protection = Legal or physical protection need, { $urgency } (+{ $points })
case-why-waiting =
    { $months ->
        [one] Waiting { $months } month (+{ $points })
       *[other] Waiting { $months } months (+{ $points })
    }
case-why-vulnerabilities = Vulnerabilities: { $needs } (+{ $points })
case-download = Download the cases
case-download-resettled = resettled people by country and month (HXL)
case-tab-allocation = Allocation
case-alloc-title = Allocation of offers
case-alloc-proven = Optimal
case-alloc-not-proven = Not proven optimal
case-alloc-optimal = This proposal places { $households } households ({ $people } people), { $value } priority-weighted people: no other allocation within the offers' conditions and places does better.
case-alloc-stopped = The search stopped at its limit: this proposal places { $households } households ({ $people } people) and is within { $gap } % of the optimum.
case-alloc-how = How the proposal is made
case-alloc-method = Eligible cases are those recognised, or rejected by another country. Each household's weight per person is its priority score plus one; the proposal maximises the sum of weight × people placed, with every household whole, under an offer whose conditions it meets (household size, medical capacity, not a country that rejected it) and within the places the offer has left after cases awaiting its decision. An exact branch and bound searches every allocation, cutting a branch only when even a fractional filling of the remaining places could not beat the best found, so the result is optimal; the argument is in docs/resettlement.md.
case-alloc-offers = Open offers
case-alloc-free = Places free
case-alloc-no-offers = No offer has places free.
case-alloc-placements = Proposed placements
case-alloc-none = Nothing to propose: no eligible case fits an open offer.
case-alloc-decision = Decision
case-alloc-accept = Accept: submit under this offer
case-alloc-reject = Reject this placement
case-alloc-why-offer = The offer ({ $country }) takes this household of { $people } (largest household: { $max }; serious medical needs: { $medical }) and has room for it.
case-alloc-medical-yes = yes, and the offer can take them
case-alloc-medical-no = none
case-alloc-unplaced = Eligible cases not placed
case-alloc-unplaced-count =
    { $count ->
        [one] { $count } eligible case is not placed.
       *[other] { $count } eligible cases are not placed.
    }
case-alloc-no-offer = No open offer's conditions fit this household.
case-alloc-no-room = The places that fit it went to households with more priority-weighted people.
case-alloc-flash-accepted = The placement was accepted: the case is submitted under the offer.
case-alloc-flash-rejected = The placement was rejected; it will not be proposed again.
field-case = Case

# evidence
nav-evidence = Evidence
evidence-title = Evidence files
evidence-file-title = Evidence file
evidence-none = No evidence files yet.
evidence-file-name = File
evidence-attached-to = Attached to
evidence-target-incident = Incident
evidence-target-source = Source
evidence-target-claim = Claim
evidence-target-id = Number of the incident, source or claim
evidence-media-type = Type
evidence-size = Size (bytes)
evidence-received-on = Received on
evidence-received-from = Received from
evidence-received-how = How it was received
evidence-received-by = Received by
evidence-file = File
evidence-upload = Upload evidence
evidence-upload-hint = Photos, video, audio, PDF, office documents and text, up to 64 MiB. The file is hashed and encrypted as it arrives; the original is kept unchanged.
evidence-original-note = This is the original file as received: it is stored encrypted and is never modified.
evidence-withheld = withheld (only the documenter sees who handed it over)
evidence-download = Download the original
evidence-custody = Chain of custody
evidence-custody-note = Every receipt, view and download of this file is an entry in the signed audit trail.
evidence-custody-who = Who
evidence-custody-what = What
evidence-custody-entry = Audit entry
evidence-received = The file was received and recorded.
custody-receive = received
custody-view = viewed
custody-download = downloaded
evidence-file-damaged = The stored file of this item is missing or not as recorded: it cannot be downloaded or bundled. Tell your administrator (`vigil evidence verify`, then restore the evidence directory from a backup).
received-how-in-person = in person
received-how-messaging-app = messaging app
received-how-email = email
received-how-field-capture = captured in the field
received-how-other = other
field-file = File
field-target-type = Attached to
field-target-id = Number
field-received-on = Received on
field-received-from = Received from
field-received-how = How it was received
evidence-invalid-kind = this kind of file is not accepted (photos, video, audio, PDF, documents and text are).
evidence-invalid-empty = the file is empty.
evidence-invalid-content = the file's content is not what its name says: check the file and its extension.
evidence-invalid-too-large = the file is larger than 64 MiB.
evidence-invalid-too-long = at most 300 characters.
evidence-invalid-target = there is no such record to attach the file to.
custody-export = exported in a court bundle
incident-evidence = Evidence files of this incident
bundle-title = Court bundle
bundle-hint = The evidence files of this incident, of its claims and of their sources, as received; their SHA-256 and BLAKE3 manifests; the custody log; the incident record; and the audit trail up to a checkpoint signed now — encrypted to the recipient's age key. The recipient checks it with sha256sum, b3sum and vigil audit verify-bundle. Making it is recorded in every file's chain of custody.
bundle-recipient = Recipient's age public key
bundle-make = Download the bundle
bundle-invalid-empty = no evidence file is attached to this incident, its claims or their sources.
source-text = The document's text
source-text-from = Taken from evidence file
source-text-none = No text has been imported for this source yet.
source-evidence = Evidence files of this source (attach the document and import its text)
source-text-import = Also import the document's text into its source (plain text, HTML or PDF)
source-text-imported = The document was recorded and its text imported.
source-text-invalid-target = only a source's document has text to import: attach the file to a source.
source-text-invalid-kind = text can be taken from plain text, web pages (HTML) and PDF files only.
source-text-invalid-encoding = the text is not UTF-8: save it as UTF-8 and try again.
source-text-invalid-empty = no text could be taken from the file (a scanned page has none).
source-text-invalid-too-long = the text is longer than two million characters.
source-text-invalid-pdf = the PDF cannot be read.
derived-copy-of = A derived copy of evidence file
derived-copies = Derived copies
derived-none = No copies have been made of this file.
derived-kind = Kind of copy
derived-note = What was changed, and why
derived-hint = The copy is stored as a file of its own with its own hashes and custody, marked as made from this original; the original is never changed.
derived-upload = Record a derived copy
derived-recorded = The copy was recorded.
derived-invalid-same = this file is byte for byte the original, not a copy of it.
derivation-redacted = redacted
derivation-metadata-stripped = metadata removed
derivation-transcoded = transcoded
derivation-thumbnail = thumbnail
derivation-excerpt = excerpt
custody-derive = a copy was made
custody-store = moved unchanged from the database into the evidence directory
# end evidence
# search
nav-search = Search
search-title = Search the record
search-box = Words to find (sources, claims and incidents; any spelling or script)
search-filters = Filters
search-any = any
search-go = Search
search-results = Results, best first
search-none = Nothing found.
search-windowed = More than 5,000 documents match: these are the best of the 5,000 indexed most recently. Add a word, a date range or another filter to reach older ones.
field-q = Search
field-type = Type
field-from = From
field-to = To
field-grade = Source grade
search-invalid-empty = type a word to search for.
search-invalid-long = at most 16 words.
# end search

## commitments: agreements, commitments and their computed status
agreements-title = Agreements and commitments
agreements-none = No agreement recorded yet.
agreement-kind = Kind
agreement-kind-memorandum = Memorandum
agreement-kind-letter = Letter
agreement-kind-statement = Statement
agreement-kind-pledge = Pledge
agreement-kind-understanding = Understanding
agreement-made-on = Made on
agreement-parties = Parties
agreement-signatories = Signatories
agreement-sources = Sources
agreement-source = Source
agreement-commitments = Commitments
commitments-none = This agreement has no commitment recorded.
commitment-heading = Commitment { $id }
commitment-agreement = Agreement
commitment-statement = Commitment
commitment-owed-by = Owed by
commitment-owed-to = Owed to
commitment-in-force = In force
commitment-in-force-open = from { $from }, with no end date
commitment-in-force-until = from { $from } until { $until }
commitment-term = Term
commitment-status = Status
commitment-since = Status unchanged since
commitment-decided-by = decided by
commitment-deciding-more = and { $n } more
commitment-as-of = As of
commitment-as-of-show = Show
commitment-history = How the status changed
commitment-history-none = Not yet in force on this day.
commitment-history-from = From
commitment-observations = Observations
commitment-observations-none = No observation recorded.
commitment-status-pending = Pending
commitment-status-met = Met
commitment-status-partly-met = Partly met
commitment-status-breached = Breached
commitment-status-cannot-judge = Cannot be judged
commitment-status-share = { $status } ({ $share } %)
commitment-status-observed-fulfilled = Fulfilled
commitment-status-observed-partly = Partly fulfilled
commitment-status-observed-not-fulfilled = Not fulfilled
commitment-status-observed-statement = Statement only
observation-on = Observed on
observation-outcome = Outcome
observation-source = Source
observation-note = Note
evidence-incident = incident { $id }
evidence-manifest = manifest line { $id }
evidence-observation = observation { $id }
term-deadline = Done by { $due }
term-quantity = At least { $n } { $item }
term-quantity-per = { $n } { $item } for every { $per } residents
term-presence = Present { $share } ‰ of the time
term-frequency = At least { $k } visits every { $days } days
term-prohibition = Must not happen: { $category }
term-access = Must not be obstructed: { $category }
agreement-create = Record an agreement
agreement-parties-hint = One organisation a line, by any spelling of its name.
agreement-signatories-hint = One a line: name | the party signed for.
agreement-summary = Summary
commitment-add = Add a commitment
commitment-site = Site (code)
commitment-convoy = Convoy (number)
commitment-from = In force from
commitment-until = In force until (leave empty if open-ended)
commitment-term-hint = Fill in only the fields of the chosen term: deadline — due day; quantity — item, quantity and, for a ratio, residents and convoy; presence — share in ‰; frequency — visits and period; prohibition and access — the incident category.
commitment-due-on = Due on
commitment-item = Item (as the convoy manifest names it)
commitment-quantity = At least (quantity)
commitment-per-residents = For every … residents
commitment-share = Share (‰, 1000 = all of the time)
commitment-visits = At least … visits
commitment-period-days = Every … days
commitment-category = Incident category
observation-add = Add an observation
term-kind-deadline = Deadline
term-kind-quantity = Quantity
term-kind-presence = Presence
term-kind-frequency = Frequency
term-kind-prohibition = Prohibition
term-kind-access = Access
presence-title = Monitoring presence
presence-coverage = { $present } hours present of { $span } hours in force ({ $share } %).
presence-gaps = Longest gaps
presence-gap = { $from } to { $until } ({ $hours } hours)
presence-unmonitored = Incidents while no monitor was present
presence-unmonitored-none = None recorded.
agreement-incident = Incident

## Corrections and retraction (issue 5)
timeline-listed = The latest { $shown } of { $count } incidents are listed; the exports have them all.
flash-retracted = Retracted. It stays in the record with your reason, and no longer counts.
retracted-note = Retracted on { $when } by { $by }: { $reason }
field-retraction-reason = Why it is retracted
retract-note = Nothing is deleted: the entry stays in the record, marked retracted with who, when and why, and no longer counts in lists, the timeline, corroboration, search or exports. Its page keeps the reason, and the audit trail the change.
claim-retract = Retract
incident-edit = Correct this incident
incident-edit-open = Show the form
incident-edit-note = Its claims, acts and figures stay, and its earlier version stays on its page.
incident-retract = Retract this incident
source-edit = Correct this source
source-edit-open = Show the form
source-edit-note = A new grade or affiliation changes the corroboration of every incident this source speaks of; its earlier version stays on its page.
source-retract = Retract this source
org-edit = Correct this organisation
org-edit-open = Show the form
org-edit-note = One spelling a line; spellings no longer listed are removed. Organisations are never deleted: sources and incidents refer to them.
incident-invalid-retracted = This incident was retracted; it can no longer be changed.
claim-invalid-retracted = This claim was retracted already.
source-invalid-retracted = This source was retracted; it can no longer be changed.
org-invalid-taken = Another organisation already answers to this name.
revisions-title = Earlier versions
revision-line = Until { $when }, corrected by { $by }, it said: { $was }
retracted-badge = Retracted
# commitments: report, visits (issue 7, session 3)
observation-counted = Counted
evidence-visit = visit { $id }
report-commitments-title = Commitments and breaches
report-commitments-intro = Every commitment of every agreement, with its term and the status the record gives it on this day, and the evidence and sources it rests on. Sources carry their reliability grade (A–F). Status is computed, never typed in.
report-as-of = As of
report-download-csv = Download CSV
report-download-xlsx = Download XLSX
report-by-party = Commitments by owing party and status
report-by-party-desc = For each party that owes commitments, how many are met, partly met, breached, pending or cannot be judged on the day of the report.
report-party = Owing party
report-none = No commitment recorded yet.
report-over-time = Compliance over time
report-over-time-desc = The number of commitments in each status at the end of every month, up to the day of the report.
report-commitments-count = Number of commitments
report-coverage = Monitoring coverage of presence commitments
report-coverage-desc = For each presence commitment, the share of each month with at least one monitor present, in per cent.
report-coverage-share = Time with a monitor present (%)
report-coverage-series = Commitment { $id }
report-evidence = Evidence and sources
report-deciding = Decides:
report-no-evidence = No evidence recorded: the status rests on its absence (nothing due yet, or no breach recorded).
report-more-evidence = { $n } more on the commitment's page
report-more-evidence-published = { $n } more in the record, not listed in this copy
report-link = Report: commitments and breaches
visits-title = Monitoring visits
visits-intro = Each visit of an organisation's monitors to a site, from arrival to departure. Visits count towards the presence and frequency commitments of the organisation at that site.
visits-none = No visit recorded yet.
visits-all = All monitoring visits
visit-heading = Monitoring visit { $id }
visit-record = Record a visit
visit-organisation = Organisation
visit-site = Site
visit-arrival = Arrival (UTC)
visit-departure = Departure (UTC)
visit-hours = Hours
visit-monitors = Monitors
visit-feeds = Commitments this visit counts for
visit-feeds-none = No presence or frequency commitment of this organisation at this site.

## Published reports
published-title = Published reports
published-intro = Reports published for every reader, observers included: each is a frozen copy of a report as it stood on the day it was published, with the SHA-256 of its content so that any copy can be checked against it. A withdrawn report is kept, marked with who withdrew it, when and why.
published-none = No report has been published yet.
published-report = Report
published-at = Published
published-sha256 = SHA-256
published-state = State
published-standing = Published
published-withdrawn = Withdrawn
published-withdrawn-note = This report has been withdrawn. It is kept as it was published, for the record; do not rely on it.
published-intact = content matches its hash
published-altered = content does not match its hash
published-reason = Reason for withdrawing
published-withdraw = Withdraw this report
published-publish = Publish this report for observers
published-publish-hint = A frozen copy as of this day, in the language of this page, with its SHA-256.
published-commitments-title = Commitments and breaches as of { $date }
published-done = The report has been published.
published-withdrawn-done = The report has been withdrawn.
published-dashboard-note = reports published for every reader.
published-invalid-reason = say why the report is withdrawn.
published-invalid-reason-long = the reason is longer than 2,000 characters.
published-already-withdrawn = this report has already been withdrawn.
