/** Sign-up, profiles and bearer tokens: a token is its user's id and a secret, and only its hash is stored. */
package flock.apinode.account;
