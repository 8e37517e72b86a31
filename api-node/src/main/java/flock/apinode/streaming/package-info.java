/** Live updates: each API node's streams of its own clients, fed by the feed changes every node already hears. */
package flock.apinode.streaming;
