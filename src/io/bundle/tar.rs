//! The few bytes of the POSIX ustar format a court bundle needs: a 512-byte header
//! before each regular file and zero padding after it. Written by hand (rather than
//! through a tar crate) because the bundle is made as a stream whose file bodies come
//! in sealed chunks from the database: the header is written first, from the size the
//! store recorded, and the body follows chunk by chunk.

/// One tar block.
pub const BLOCK: usize = 512;

/// The header of a regular file `path` (at most 100 bytes, ASCII, as made by
/// `bundle::safe_name`) of `size` bytes, modified at `mtime` (seconds).
pub fn header(path: &str, size: u64, mtime: i64) -> Result<[u8; BLOCK], String> {
    let name = path.as_bytes();
    if name.len() > 100 || !path.is_ascii() {
        return Err(format!("tar path too long or not ASCII: {path}"));
    }
    let mut h = [0u8; BLOCK];
    put(&mut h, 0, name);
    put(&mut h, 100, b"0000644\0");
    put(&mut h, 108, b"0000000\0");
    put(&mut h, 116, b"0000000\0");
    put(&mut h, 124, format!("{size:011o}\0").as_bytes());
    put(&mut h, 136, format!("{:011o}\0", mtime.max(0)).as_bytes());
    // The checksum is computed with its own field read as spaces.
    put(&mut h, 148, b"        ");
    put(&mut h, 156, b"0");
    put(&mut h, 257, b"ustar\0");
    put(&mut h, 263, b"00");
    put(&mut h, 265, b"vigil");
    put(&mut h, 297, b"vigil");
    let sum: u32 = h.iter().map(|b| u32::from(*b)).sum();
    put(&mut h, 148, format!("{sum:06o}\0 ").as_bytes());
    Ok(h)
}

fn put(h: &mut [u8; BLOCK], at: usize, bytes: &[u8]) {
    for (slot, b) in h.iter_mut().skip(at).zip(bytes) {
        *slot = *b;
    }
}

/// The zero bytes that pad a body of `size` bytes to a whole block.
pub fn padding(size: u64) -> Vec<u8> {
    let rem = (size % BLOCK as u64) as usize;
    if rem == 0 {
        Vec::new()
    } else {
        vec![0u8; BLOCK - rem]
    }
}

/// The end of the archive: two zero blocks.
pub fn trailer() -> [u8; 2 * BLOCK] {
    [0u8; 2 * BLOCK]
}

/// A whole file (header, body, padding) for bodies already in memory.
pub fn file(path: &str, body: &[u8], mtime: i64) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(BLOCK + body.len() + BLOCK);
    out.extend_from_slice(&header(path, body.len() as u64, mtime)?);
    out.extend_from_slice(body);
    out.extend_from_slice(&padding(body.len() as u64));
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn headers_carry_a_valid_checksum_and_octal_size() {
        let h = header("b/files/1-a.txt", 1234, 1_700_000_000).unwrap();
        let stored = std::str::from_utf8(&h[148..154]).unwrap();
        let mut copy = h;
        copy[148..156].copy_from_slice(b"        ");
        let sum: u32 = copy.iter().map(|b| u32::from(*b)).sum();
        assert_eq!(u32::from_str_radix(stored, 8).unwrap(), sum);
        assert_eq!(std::str::from_utf8(&h[124..135]).unwrap(), "00000002322");
        assert!(header(&"x".repeat(101), 1, 0).is_err());
        assert_eq!(file("a", b"abc", 0).unwrap().len(), 1024);
        assert!(padding(512).is_empty());
    }
}
