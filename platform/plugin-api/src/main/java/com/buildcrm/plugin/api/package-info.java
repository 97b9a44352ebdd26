/**
 * The contract BuildCRM industry packs compile against (in {@code provided} scope). Packs are PF4J
 * plugins whose manifest declares {@code Plugin-Requires} for the platform version they need.
 */
package com.buildcrm.plugin.api;
