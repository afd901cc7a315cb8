//! Evidence: blobs stored once per content (SHA-256) — as a sealed file in the evidence
//! directory named by `file_address`, or, for blobs recorded before that, as sealed
//! chunks in `evidence_chunks` — and the items
//! (one per upload) that attach a blob to an incident, source or claim with its
//! capture record. Nothing here changes a blob's content or hashes, or an item: the
//! originals are never modified (moving a blob's chunks out into its file only says
//! where the same sealed bytes are).

use sqlx::FromRow;

use super::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct BlobRow {
    pub blob_id: i64,
    pub sha256: String,
    pub blake3: String,
    pub size_bytes: i64,
    pub media_type: String,
    pub blob_ref: String,
    pub chunks: i64,
    /// The file's keyed name in the evidence directory; `None` while the chunks are
    /// still in the database.
    pub file_address: Option<String>,
}

pub struct NewBlob<'a> {
    pub sha256: &'a str,
    pub blake3: &'a str,
    pub size_bytes: i64,
    pub media_type: &'a str,
    pub blob_ref: &'a str,
    pub chunks: i64,
    pub file_address: &'a str,
}

const BLOB_COLUMNS: &str =
    "blob_id, sha256, blake3, size_bytes, media_type, blob_ref, chunks, file_address";

pub async fn blob_by_sha256(c: &mut Conn, sha256: &str) -> Result<Option<BlobRow>> {
    let sql = format!("select {BLOB_COLUMNS} from evidence_blobs where sha256 = $1");
    Ok(sqlx::query_as(&sql)
        .bind(sha256)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn blob(c: &mut Conn, blob_id: i64) -> Result<Option<BlobRow>> {
    let sql = format!("select {BLOB_COLUMNS} from evidence_blobs where blob_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(blob_id)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn insert_blob(c: &mut Conn, b: &NewBlob<'_>, now: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into evidence_blobs (sha256, blake3, size_bytes, media_type, blob_ref, chunks,
                                     file_address, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning blob_id",
    )
    .bind(b.sha256)
    .bind(b.blake3)
    .bind(b.size_bytes)
    .bind(b.media_type)
    .bind(b.blob_ref)
    .bind(b.chunks)
    .bind(b.file_address)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

/// Every blob, oldest first (for `vigil evidence verify`), or only those still in the
/// database (`legacy_only`, for moving them out).
pub async fn blobs(c: &mut Conn, legacy_only: bool) -> Result<Vec<BlobRow>> {
    let only = if legacy_only {
        "where file_address is null"
    } else {
        ""
    };
    let sql = format!("select {BLOB_COLUMNS} from evidence_blobs {only} order by blob_id");
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

/// The file names of every blob stored as a file (the sweep keeps these).
pub async fn file_addresses(c: &mut Conn) -> Result<Vec<String>> {
    Ok(
        sqlx::query_scalar(
            "select file_address from evidence_blobs where file_address is not null",
        )
        .fetch_all(&mut *c)
        .await?,
    )
}

/// The items that hold blob `blob_id` (their custody chains record a move).
pub async fn items_of_blob(c: &mut Conn, blob_id: i64) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "select evidence_id from evidence_items where blob_id = $1 order by evidence_id",
    )
    .bind(blob_id)
    .fetch_all(&mut *c)
    .await?)
}

/// Marks a blob still in the database as stored in the file `address` and drops its
/// chunks. The blob's content, hashes and `blob_ref` (bound into the sealed chunks,
/// which are moved byte for byte) do not change. Returns false if it was already moved.
pub async fn move_to_file(c: &mut Conn, blob_id: i64, address: &str) -> Result<bool> {
    let moved = sqlx::query(
        "update evidence_blobs set file_address = $1 where blob_id = $2 and file_address is null",
    )
    .bind(address)
    .bind(blob_id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    if moved == 0 {
        return Ok(false);
    }
    sqlx::query("delete from evidence_chunks where blob_id = $1")
        .bind(blob_id)
        .execute(&mut *c)
        .await?;
    Ok(true)
}

/// One sealed chunk (downloads read them one at a time, never the whole blob at once
/// from the database).
pub async fn chunk(c: &mut Conn, blob_id: i64, chunk_no: i64) -> Result<Option<Vec<u8>>> {
    Ok(sqlx::query_scalar(
        "select sealed from evidence_chunks where blob_id = $1 and chunk_no = $2",
    )
    .bind(blob_id)
    .bind(chunk_no)
    .fetch_optional(&mut *c)
    .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct ItemRow {
    pub evidence_id: i64,
    pub blob_id: i64,
    pub target_type: String,
    pub target_id: i64,
    pub file_name: String,
    pub received_on: String,
    pub received_how: String,
    pub received_from_enc: Vec<u8>,
    pub received_by: i64,
    pub received_by_name: String,
    pub received_at: i64,
    pub sha256: String,
    pub blake3: String,
    pub size_bytes: i64,
    pub media_type: String,
}

pub struct NewItem<'a> {
    pub blob_id: i64,
    pub target_type: &'a str,
    pub target_id: i64,
    pub file_name: &'a str,
    pub received_on: &'a str,
    pub received_how: &'a str,
    pub received_by: i64,
    pub received_by_name: &'a str,
}

/// Inserts an item; the sealed "received from" is written next, once the row id (bound
/// into its associated data) is known.
pub async fn insert_item(c: &mut Conn, i: &NewItem<'_>, now: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into evidence_items (blob_id, target_type, target_id, file_name, received_on,
                                     received_how, received_from_enc, received_by, received_by_name, received_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning evidence_id",
    )
    .bind(i.blob_id)
    .bind(i.target_type)
    .bind(i.target_id)
    .bind(i.file_name)
    .bind(i.received_on)
    .bind(i.received_how)
    .bind(Vec::<u8>::new())
    .bind(i.received_by)
    .bind(i.received_by_name)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

/// Fills the sealed "received from" of an item just inserted (the only write to an
/// item after its insert, in the same transaction).
pub async fn set_received_from(c: &mut Conn, id: i64, sealed: &[u8]) -> Result<()> {
    sqlx::query("update evidence_items set received_from_enc = $1 where evidence_id = $2")
        .bind(sealed)
        .bind(id)
        .execute(&mut *c)
        .await?;
    Ok(())
}

const ITEM_SELECT: &str =
    "select i.evidence_id, i.blob_id, i.target_type, i.target_id, i.file_name,
        i.received_on, i.received_how, i.received_from_enc, i.received_by,
        i.received_by_name, i.received_at,
        b.sha256, b.blake3, b.size_bytes, b.media_type
    from evidence_items i
    join evidence_blobs b on b.blob_id = i.blob_id";

pub async fn item(c: &mut Conn, id: i64) -> Result<Option<ItemRow>> {
    let sql = format!("{ITEM_SELECT} where i.evidence_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// Every item, newest first, or those attached to one target.
pub async fn items(c: &mut Conn, target: Option<(&str, i64)>) -> Result<Vec<ItemRow>> {
    Ok(match target {
        Some((kind, id)) => {
            let sql = format!(
                "{ITEM_SELECT} where i.target_type = $1 and i.target_id = $2 order by i.evidence_id desc"
            );
            sqlx::query_as(&sql)
                .bind(kind)
                .bind(id)
                .fetch_all(&mut *c)
                .await?
        }
        None => {
            let sql = format!("{ITEM_SELECT} order by i.evidence_id desc");
            sqlx::query_as(&sql).fetch_all(&mut *c).await?
        }
    })
}

/// Whether the incident, source or claim `id` exists (`kind` is one of the three).
pub async fn target_exists(c: &mut Conn, kind: &str, id: i64) -> Result<bool> {
    let sql = match kind {
        "incident" => "select count(*) from incidents where incident_id = $1",
        "source" => "select count(*) from sources where source_id = $1",
        "claim" => "select count(*) from claims where claim_id = $1",
        _ => return Ok(false),
    };
    let n: i64 = sqlx::query_scalar(sql).bind(id).fetch_one(&mut *c).await?;
    Ok(n > 0)
}

/// A derived copy and what it was made from.
#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct DerivationRow {
    /// The copy.
    pub evidence_id: i64,
    pub original_id: i64,
    /// redacted, metadata_stripped, transcoded, thumbnail or excerpt.
    pub kind: String,
    pub note: String,
    pub created_at: i64,
}

pub async fn insert_derivation(c: &mut Conn, d: &DerivationRow) -> Result<()> {
    sqlx::query(
        "insert into evidence_derivations (evidence_id, original_id, kind, note, created_at)
         values ($1, $2, $3, $4, $5)",
    )
    .bind(d.evidence_id)
    .bind(d.original_id)
    .bind(&d.kind)
    .bind(&d.note)
    .bind(d.created_at)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// What item `id` was derived from, if it is a copy.
pub async fn derivation_of(c: &mut Conn, id: i64) -> Result<Option<DerivationRow>> {
    Ok(sqlx::query_as(
        "select evidence_id, original_id, kind, note, created_at
         from evidence_derivations where evidence_id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *c)
    .await?)
}

/// The copies made from item `id`, oldest first.
pub async fn copies_of(c: &mut Conn, id: i64) -> Result<Vec<DerivationRow>> {
    Ok(sqlx::query_as(
        "select evidence_id, original_id, kind, note, created_at
         from evidence_derivations where original_id = $1 order by evidence_id",
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await?)
}
