//! Small named settings kept with the data (for example, whether this is a demo).

use super::{Conn, Result};

pub async fn get(c: &mut Conn, name: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("select value from settings where name = $1")
            .bind(name)
            .fetch_optional(&mut *c)
            .await?,
    )
}

pub async fn set(c: &mut Conn, name: &str, value: &str) -> Result<()> {
    sqlx::query(
        "insert into settings (name, value) values ($1, $2)
         on conflict (name) do update set value = excluded.value",
    )
    .bind(name)
    .bind(value)
    .execute(&mut *c)
    .await?;
    Ok(())
}
