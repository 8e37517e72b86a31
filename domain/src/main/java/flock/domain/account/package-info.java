/** Accounts: profiles, handles, stored token hashes, and the profile's tweet count. */
package flock.domain.account;
