package com.buildcrm.packs.genericsales;

import org.pf4j.Plugin;

/** PF4J entry point of the universal sales pack. */
public class GenericSalesPlugin extends Plugin {}
