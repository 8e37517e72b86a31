/** The cursor every list is paged by: ids are time-ordered, so a cursor is an id. */
package flock.apinode.paging;
