-- Exports with personal data: a registrar asks, a second registrar decides, the asker
-- downloads once. The file itself is never stored: it is made, encrypted to the
-- recipient's age key, and streamed at download time. The filter is the registry
-- list's (site code, status, need). The purpose is a short reason without personal
-- data, shown to the approver (as the reason of a move is).

create table export_requests (
    export_id integer primary key,
    requested_by bigint not null references users (user_id),
    requested_at bigint not null,
    site text not null default '',
    status_filter text not null default '',
    need text not null default '',
    recipient text not null,
    purpose text not null default '',
    state text not null default 'requested',
    decided_by bigint references users (user_id),
    decided_at bigint,
    -- Until when the request may be approved, or the approved file downloaded.
    expires_at bigint not null,
    downloaded_at bigint,
    row_count bigint
);
create index export_requests_state on export_requests (state, requested_at);
