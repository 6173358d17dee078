//! Random bytes from the operating system's source (the `getrandom` crate): the signature nonces
//! `sign` draws and the emulator's request ids. The library draws none; its callers pass them in.

/// `N` bytes from the operating system's random source.
pub fn bytes<const N: usize>() -> Result<[u8; N], getrandom::Error> {
    let mut out = [0u8; N];
    getrandom::fill(&mut out)?;
    Ok(out)
}
