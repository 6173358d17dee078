//! `createimage serve`: the console, an emulator of the four providers' CreateImage APIs at their
//! own request paths, and a relay to the real provider hosts, on one port.

pub mod emulator;
pub mod fixture;
pub mod state;
