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
dashboard-observer-note = Your role reads published reports. None have been published yet.
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
