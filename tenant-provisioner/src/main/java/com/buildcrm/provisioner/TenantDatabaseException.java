package com.buildcrm.provisioner;

import java.sql.SQLException;

/** A database call of the provisioner failed (connection lost, constraint violated, ...). */
public class TenantDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TenantDatabaseException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
