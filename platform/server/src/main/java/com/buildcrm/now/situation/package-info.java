/**
 * What the next-action planner needs, read in bulk: the situations of many leads in a few native
 * queries (never one per lead), the tenant's planner settings and the reader's language. Depends on
 * tenancy and the pure planner only, so the lead views ({@code lead}) and the Now queue ({@code
 * now}) can both use it without a package cycle.
 */
package com.buildcrm.now.situation;
