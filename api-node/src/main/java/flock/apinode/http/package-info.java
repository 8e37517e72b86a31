/**
 * The HTTP layer, and the only package that knows Helidon's web server: one resource per path ({@code UsersApi},
 * {@code TweetsApi}, {@code MediaApi}, {@code AdminApi}), the rate-limit filter, request parsing, and the one place
 * where failures become problem+json answers.
 */
package flock.apinode.http;
