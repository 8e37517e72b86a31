/** The JSON of every answer, written straight to bytes: tweets, pages, profiles and problems. */
package flock.apinode.render;
