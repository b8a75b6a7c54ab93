/** The expansion of recurrence rules on dmfs lib-recur; not part of the API. */
package io.libres.recurrence.internal;
