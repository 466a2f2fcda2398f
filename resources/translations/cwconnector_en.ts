<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CheckCommand</name>
    <message>
        <source>check needs a connector NAME, or --company with --region or --site.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>give either a connector NAME or --company, not both.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check passed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check failed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Usage: </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CliApp</name>
    <message>
        <source>Usage: cwconnector-cli [--data-dir DIR] [--database URL] [--json] COMMAND

Connects this system to ConnectWise Manage (PSA).

Commands:
%1
Global options:
  --data-dir DIR     where settings and data live (or CWCONNECTOR_DATA_DIR)
  --database URL     postgresql://user@host:port/db instead of the SQLite file (or CWCONNECTOR_DATABASE)
  --json             print one JSON document on stdout; progress goes to stderr
  -h, --help         show this help
  -v, --version      show the version

Keys are never taken from arguments: use --keys-from-stdin, CW_PUBLIC_KEY / CW_PRIVATE_KEY,
or answer the prompt.

Exit codes: 0 success, 1 the operation failed, 2 bad usage or input, 3 keychain unavailable,
4 ConnectWise unreachable.
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no command given.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run 'cwconnector-cli --help' for the commands and options.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown option '%1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown command '%1'.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <source>Cannot create the data directory %1. Choose another with --data-dir.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConflictsCommand</name>
    <message>
        <source>--keep %1: give ENTITY:LOCAL_ID=SIDE, e.g. accounts:A-1=local; ENTITY is one of %2, SIDE one of %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>conflicts needs exactly one connector NAME.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2 (ConnectWise %3), keep: %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>  %1: local "%2", ConnectWise "%3"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The last sync of "%1" reported no conflicts.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ApiError</name>
    <message>
        <source>the certificate is self-signed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the certificate has expired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the certificate is not valid yet (check this computer's clock)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the certificate was issued for another host name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the certificate chain is incomplete or signed by an untrusted authority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the certificate has been revoked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the secure connection could not be set up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection settings are incomplete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise at %1 does not know the company ID %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise rejected the API keys for company %1 (HTTP %2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise rejected the integration's clientId (HTTP %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API member's security role may not use %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API member's security role lacks %1, needed for %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise answered "not found" for %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise refused the change to %1 because the record is in use or was changed (HTTP 409).</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>ConnectWise is limiting the request rate and asked to wait %n second(s).</source>
        <translation><numerusform>ConnectWise is limiting the request rate and asked to wait %n second.</numerusform><numerusform>ConnectWise is limiting the request rate and asked to wait %n seconds.</numerusform></translation>
    </message>
    <message>
        <source>ConnectWise is limiting the request rate.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The ConnectWise server failed with HTTP %1 after %n attempt(s).</source>
        <translation><numerusform>The ConnectWise server failed with HTTP %1 after %n attempt.</numerusform><numerusform>The ConnectWise server failed with HTTP %1 after %n attempts.</numerusform></translation>
    </message>
    <message>
        <source>ConnectWise refused the request to %1 as invalid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise refused the request to %1; invalid field(s): %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise gave an unexpected answer (HTTP %1) for %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The answer from %1 was cut off before it was complete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The answer from %1 is not the JSON ConnectWise sends.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The host name %1 could not be found (DNS).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 refused the connection: nothing is listening on that address and port.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 cannot be reached from this computer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 closed the connection without a complete answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The secure connection to %1 was refused: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection through the proxy failed (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The record may or may not have been saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server said: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Complete or correct the connection settings, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the Company field of the ConnectWise login page (a short ID such as "acme", not the company's display name), and check that the site is your ConnectWise region or server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the company ID and that the public and private keys belong to an API member of that company (System &gt; Members &gt; API Members &gt; API Keys). If the private key was lost, create a new key pair.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The clientId must be a GUID registered at developer.connectwise.com for this integration. Check the clientId setting, or update the application if it ships its own.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In ConnectWise open System &gt; Security Roles, edit the API member's role and allow Inquire level "All" for the module of %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In ConnectWise open System &gt; Security Roles, edit the API member's role and set %1 to Inquire level "All" (and Add/Edit "All" to push records).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check that the record still exists. On cloud ConnectWise a 404 can also mean the keys are wrong: run the systems check.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reload the record and apply the change again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wait a minute and try again; run fewer syncs at the same time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check in ConnectWise whether the record was created before sending it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try again later. If it keeps failing, check ConnectWise's status page or your server's logs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Correct the listed fields (or their mapping) and send the record again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check that the site address points at ConnectWise and not at a login portal or proxy page.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try again. If it persists, a proxy or firewall may be altering the traffic.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try again; if the server is slow, raise the timeout or check the network and proxy settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the spelling of the site address and this computer's DNS or VPN connection.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the site address and port, and that the server is running.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the network connection, VPN and firewall, or set a proxy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try again; a proxy, firewall or overloaded server may be closing connections.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Install a certificate from a public authority with its full chain on the server, or select the file of your own certificate authority (CA file) in the connection settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Renew the server's certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check this computer's date and time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use the host name the certificate was issued for, or reissue the certificate for %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the server's TLS configuration, or whether a proxy inspects TLS traffic.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the proxy settings (system, none or manual host:port) in the connection settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The local server sent its API host as %1, which would be reached over plain http; only loopback hosts may use http.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the site and the company ID first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The count answer has no number "count".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forward-only paging is always ordered by id; orderBy cannot be used with it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A list page was not a JSON array.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The CA file %1 cannot be read: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The CA file %1 contains no certificate (PEM or DER expected).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The proxy %1 asks for a login (HTTP 407) and did not accept the proxy user and password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the proxy user and password your network administrator gave you in Settings › Connection (Proxy user, Proxy password; while setting up: on the wizard's first page), then try again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::AuthStep</name>
    <message>
        <source>Authentication</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys and client ID accepted; ConnectWise %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cloud region %1, server time zone %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::CheckDialog</name>
    <message>
        <source>Systems check — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>R&amp;etry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save &amp;report…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking the connection layer by layer…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The check was stopped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All checks passed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not ready: %1 — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not ready.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save check report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cwconnector-check-%1.txt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::CheckPage</name>
    <message>
        <source>Systems check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>R&amp;etry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save &amp;report…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Members pulled for user mapping:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members pulled for user mapping</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking the connection layer by layer…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The check was stopped. Retry to run it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All checks passed: the connector can reach ConnectWise and use every module.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not ready: %1 — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not ready: see the rows marked FAILED.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2) %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cwconnector-check-%1.txt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save check report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Report saved to %1 (keys removed).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::CheckReport</name>
    <message>
        <source>cwconnector systems check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Application: cwconnector %1 on %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Started: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Result: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problem: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::CheckResultsView</name>
    <message>
        <source>Systems check results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (%1 ms)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::CheckRunner</name>
    <message>
        <source>Save report: run the check first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save report: cannot write %1 (%2); choose another folder.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::CheckStep</name>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The check was cancelled before this step finished.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not run</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::CompanyStep</name>
    <message>
        <source>Company lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” found: codebase %2, API at %3 (%4)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cloud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on premise</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>version %1, API base %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>version %1, API base %2 (looked up during setup)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ConfigDocument</name>
    <message>
        <source>Import: %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is missing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be a list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' is not system, none or manual.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import: this is not a cwconnector configuration export (not a JSON object%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import: this is not a cwconnector configuration export ("format" is not "%1").</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import: this file was written by a newer cwconnector (configuration format version %1; this version reads version %2). Update cwconnector to import it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be a whole number from 1 to %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' is not email, name, identifier or manual.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be one of %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ConfigTransfer</name>
    <message>
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1.cwconnector.json</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export configuration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connector configuration (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export: cannot write %1 (%2); choose another folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings of “%1” are saved in %2, without its keys or any other secret.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import configuration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connector configuration (*.json);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the target ConnectWise could not be read. %1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was imported: the keys could not be saved. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Imported “%1” as a draft connector. Run Check to finish it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not found in the target ConnectWise: %1 “%2” (used by %3 %4); set it again in Settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every ConnectWise reference was found by name.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ConflictPicker</name>
    <message>
        <source>Keep Connect&amp;Wise</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep loc&amp;al</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep ConnectWise's values of the selected conflict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep the local values of the selected conflict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2 changed on both sides: pick the side the next sync writes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a conflict to keep ConnectWise's or the local values.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The next sync writes ConnectWise's values to %1 %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The next sync pushes the local values of %1 %2 to ConnectWise.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::Connection</name>
    <message>
        <source>site</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>company ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>public key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>private key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection is missing: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The manual proxy needs a host and a port.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ConnectionCheck</name>
    <message>
        <source>Company ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ConnectionSection</name>
    <message>
        <source>&amp;Deployment:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>na.myconnectwise.net, or your own server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C&amp;ompany ID:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C&amp;lient ID:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the GUID from developer.connectwise.com, or empty for the default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Private CA file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a PEM file, only for a private certificate authority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse for the private CA file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Private &amp;CA file:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system's proxy settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No proxy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This proxy:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy &amp;host:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy por&amp;t:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy &amp;user (optional):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy pass&amp;word:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The proxy login is kept in the keychain, never in the database.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TLS: not checked yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The last check's TLS step: %1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The last check's TLS step found nothing wrong with the certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Private CA file: %1 cannot be read. Choose the PEM file with Browse…, or leave the field empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy user: a password needs a user name. Enter the user, or clear the password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ConnectorConfigRepository</name>
    <message>
        <source>Server variable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server variable: '%1' is a setting of the connector itself; change it in the connector's settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server variable: '%1' is not known; use one of %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: no ConnectWise value was chosen; pick one from the list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: '%2' is not one of %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync option</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync option: '%1' is not an entity; use one of %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync option: '%1' is not an operation; use one of %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync option: %1.%2 is not supported by ConnectWise; only the ticked cells of the sync matrix can be turned on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lookup: '%1' is not known; use one of %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the local value is empty; choose one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: no ConnectWise value was chosen for '%2'; pick one from the list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User: the local user id is empty; choose a user.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member: no ConnectWise member was chosen for user '%1'; pick one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confidence: %1 is not between 0 and 100.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ConnectorCoordinator</name>
    <message>
        <source>Demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys: %1 Open Settings and enter the keys again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove connector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the connector “%1”? Its settings, mappings and the keys in the keychain are deleted. Nothing in ConnectWise changes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connector was removed, but its keys could not be deleted from the keychain: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keys of “%1” cannot be read, so nothing was synced: %2 Open Settings and enter the keys again, or unlock the keychain and try Sync now again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is still a draft. Finish the setup first: run Check, or fix what its state lists.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ConnectorListModel</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>check passed %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>check failed %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>never checked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>synced %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise Cloud (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise staging</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo (simulated ConnectWise)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On-premise</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ConnectorPage</name>
    <message>
        <source>New connector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save as draft &gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connector name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Production</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise Cloud — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On-premise (your own server)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise staging</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo (simulated ConnectWise)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Deployment:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cw.example.com or the URL you log in at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the company you type at the ConnectWise login</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Company ID:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next saves this connector as a draft. Until then, Cancel leaves nothing behind.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give the connector a name you will recognise.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The company name appears here once ConnectWise knows the company.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Looking up “%1”…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Found: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API URL: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company ID: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Looking up the company…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API URL follows once ConnectWise knows the company.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ConnectorSession</name>
    <message>
        <source>The proxy login could not be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The proxy login could not be saved: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ConnectorStatus</name>
    <message>
        <source>The setup of this connector is not finished: it cannot sync until its connection is saved and checked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finish the connection…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API keys cannot be read, so nothing can be checked or synced: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the keys…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This connector was never checked against ConnectWise.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review the connection…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The last check failed (run elsewhere, so its findings are not here): run Check again to see why.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server variable “%1”: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick another value…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last check, %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last check, %1: %2 %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 cannot be pushed: server variable “%2” is not set.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set the variable…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No sync option is on, so Sync now does nothing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose what to sync…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Lookup “%1”: %n local value(s) have no ConnectWise value (%2); their records are skipped.</source>
        <translation><numerusform>Lookup “%1”: %n local value have no ConnectWise value (%2); their records are skipped.</numerusform><numerusform>Lookup “%1”: %n local values have no ConnectWise value (%2); their records are skipped.</numerusform></translation>
    </message>
    <message>
        <source>Map the values…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n local user(s) have no confirmed ConnectWise member; their orders get the default sales rep.</source>
        <translation><numerusform>%n local user have no confirmed ConnectWise member; their orders get the default sales rep.</numerusform><numerusform>%n local users have no confirmed ConnectWise member; their orders get the default sales rep.</numerusform></translation>
    </message>
    <message>
        <source>Map the users…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ConnectorStatusView</name>
    <message>
        <source>Entities: local records, sync options and the last sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Local records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a connector to see its state.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last check: never.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last check: passed, %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last check: failed, %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last check: failed, %1 — %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>push and pull</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>push</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>pull</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2): %3 created, %4 updated, %5 skipped, %6 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — blocked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::CsvEntityParser</name>
    <message>
        <source>%1 is empty; it is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is %2 characters long; at most %3 are allowed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 “%2” is not a number; write it like 1234.50 (a point for decimals, no thousands separators).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 “%2” is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 “%2” is not allowed; use one of: %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is empty: the first line must name the columns (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The header lacks the required column(s) %1. The columns of %2 are: %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>id “%1” already appears on row %2 of this file; each id may appear once.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 “%2” holds the replacement character � (U+FFFD): a character was lost when the text was decoded in the wrong encoding before it reached this file. Correct the value at its source.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::CsvImport</name>
    <message>
        <source>“%1” is not an entity that can be imported; use one of: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) have errors. Fix them and import again, or import the good rows only with --skip-bad-rows.</source>
        <translation><numerusform>Nothing was imported: %n row has errors. Fix them and import again, or import the good rows only with --skip-bad-rows.</numerusform><numerusform>Nothing was imported: %n rows have errors. Fix them and import again, or import the good rows only with --skip-bad-rows.</numerusform></translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n bad row(s) skipped.</source>
        <translation><numerusform>%n bad row skipped.</numerusform><numerusform>%n bad rows skipped.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation><numerusform>... and %n more.</numerusform><numerusform>... and %n more.</numerusform></translation>
    </message>
    <message>
        <source>Row %1 (line %2): %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n row(s) read: %1 good, %2 with errors.</source>
        <translation><numerusform>%n row read: %1 good, %2 with errors.</numerusform><numerusform>%n rows read: %1 good, %2 with errors.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) have errors. Fix them and import again, or tick “Import the good rows only”.</source>
        <translation><numerusform>Nothing was imported: %n row has errors. Fix them and import again, or tick “Import the good rows only”.</numerusform><numerusform>Nothing was imported: %n rows have errors. Fix them and import again, or tick “Import the good rows only”.</numerusform></translation>
    </message>
</context>
<context>
    <name>Cw::CsvImportDialog</name>
    <message>
        <source>Import %1 from CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV file of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse for the CSV file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Encoding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Columns: %1. The first line names them; other columns are ignored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview of the first rows as they will be stored</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rows with errors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import the &amp;good rows only (report the bad ones)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import the good rows only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import the file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file starts with a byte-order mark: it is %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 It is read as Windows-1252; if the preview looks wrong, pick another encoding.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file reads as UTF-8. If the preview looks wrong, pick the encoding it was saved in.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n row(s) in the file; %1 with errors.</source>
        <translation><numerusform>%n row in the file; %1 with errors.</numerusform><numerusform>%n rows in the file; %1 with errors.</numerusform></translation>
    </message>
    <message>
        <source>The preview shows the first rows; the whole file is checked as it is imported.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 rows, %2 rows/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the import; nothing is written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The table lists the first %1 of %2 errors.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::CsvPreview</name>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::CsvReader</name>
    <message>
        <source>Line %1: a quoted field is not closed before the end of the file.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::Database</name>
    <message>
        <source>Cannot open the database file %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no file name was given.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>this is a folder, not a file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>its folder %1 cannot be created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>this SQLite library does not enforce foreign keys.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot connect to the PostgreSQL server at %1 (database '%2', user '%3'): %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the Qt PostgreSQL driver (QPSQL) is not installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database is not open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database %1 refused a statement: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database %1 could not start a transaction: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no transaction to commit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A part of this change failed, so none of it was saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database %1 could not save the change: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::DatabaseLocation</name>
    <message>
        <source>Use postgresql://user[:password]@host[:port]/database.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database: this is not a PostgreSQL URL. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database: the PostgreSQL URL names no host. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database: the port must be between 1 and 65535. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database: the PostgreSQL URL names no user. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database: the PostgreSQL URL names no database. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database: the URL option '%1' is not supported (supported: sslmode, sslrootcert, sslcert, sslkey, connect_timeout, application_name, target_session_attrs).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database: the value of the URL option '%1' must not contain spaces or ';'.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::DecodeError</name>
    <message>
        <source>Line %1 is not UTF-8 (byte %2 at column %3); if the file comes from Excel, pick Windows-1252.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line %1 is not Windows-1252 (byte %2 at column %3 has no character there); pick the encoding the file was saved in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line %1 is not %2 text (byte %3 at column %4 is a control character there); if the file comes from Excel, pick Windows-1252.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line %1 is not %2 (bytes %3 at column %4); pick the encoding the file was saved in.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::DemoSimulator</name>
    <message>
        <source>The ConnectWise simulator could not be started: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::DemoTour</name>
    <message>
        <source>Demo: the sample %1 could not be written: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::DnsStep</name>
    <message>
        <source>DNS lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is an IP address: no lookup needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The proxy server's name %1 could not be found (DNS).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The name %1 could not be found (DNS).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the proxy host in the connection's proxy settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the site for typos. For ConnectWise Cloud, choose your region from the list; on premise, ask your network administrator whether %1 resolves from this computer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 resolves to %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::EndpointPage</name>
    <message>
        <source>Site and endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The site is where your ConnectWise lives. Paste the address you log in at, the API host or a full API link: it is normalised. The endpoint (API URL) is discovered from ConnectWise; override the codebase only if your ConnectWise administrator tells you to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Codebase override</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>empty: use the discovered codebase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Codebase &amp;override:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resolves to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Codebase override: “%1” is not a codebase; it looks like v2025_1/ — or leave it empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the integration's GUID from developer.connectwise.com</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Private CA file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>only for a server with a certificate of your own CA</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the private CA file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Private C&amp;A file:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Endpoint: %1 (codebase %2 on %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asking ConnectWise for the endpoint…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::Endpoints</name>
    <message>
        <source>Server version and cloud flag (systems check)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members: sales reps and the user mapping</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Companies: pulled and pushed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company types lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company statuses lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contacts: billing contacts of companies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Currencies lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice (billing) statuses lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoices and their payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accounting batches and unposted payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product catalog items: pulled and pushed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product types lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product categories lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product subcategories lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Units of measure lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sales orders: pulled and pushed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sales order statuses lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Countries lookup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product items: the lines of invoices and sales orders, pushed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ImportDialog</name>
    <message>
        <source>Import configuration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new connector is created from the file as a draft. ConnectWise ids are looked up again by name in the ConnectWise below; what is not found is listed afterwards.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Deployment:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C&amp;ompany ID:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>P&amp;ublic key:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>P&amp;rivate key:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys: enter the public and the private key of the API member in the target ConnectWise.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::InputStep</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company %1 on %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No client ID is set; ConnectWise requires one for every call.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the integration's client ID (a GUID from developer.connectwise.com).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::Instance</name>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name: a connector needs a name. Type one, e.g. 'Production'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name: it must not contain line breaks, tabs or other control characters. Type the name on one line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name: it is %1 characters long; use at most %2 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company ID: enter the company id you type at the ConnectWise login, e.g. 'acme'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company ID: '%1' contains spaces; a company id is one word, exactly as typed at the ConnectWise login.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company ID: '%1' contains '%2', which a company id never does; copy it from the ConnectWise login page (the field 'Company').</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company ID: it is longer than 100 characters; check what was pasted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Client ID: '%1' is not a GUID. A client id looks like 1b4e28ba-2fa1-11d2-883f-0016d3cca427; it comes from developer.connectwise.com (ClientID), or leave it empty to use the one built into cwconnector.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deployment: '%1' is not known; use a ConnectWise Cloud region (%2), onpremise, staging or demo.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site: '%1' is not a host name or URL; paste the address of your ConnectWise site, e.g. cw.example.com.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site: an on-premise or demo connector needs the address of its ConnectWise site, e.g. cw.example.com.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Codebase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Codebase: '%1' contains spaces; a codebase looks like v2025_1/ (or leave it empty to use the one ConnectWise reports).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CA file: the path contains control characters; choose the file again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy host: type the proxy's host name only, e.g. proxy.example.com (no spaces, no http://).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy host: it must not contain a user name or password; type only the host name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy port: %1 is not a port; use a number from 1 to 65535, e.g. 8080.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Requests in flight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Requests in flight: %1 is out of range; use a number from 1 to %2 (1 sends one request at a time, %3 is the default).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::InstanceConnection</name>
    <message>
        <source>Deployment: “%1” is not a known ConnectWise region.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give either a region or a site, not both.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region: “%1” is not a ConnectWise region; use one of %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site: give the ConnectWise region (--region) or the address of your site (--site).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::InstanceRepository</name>
    <message>
        <source>Name: '%1' is already used by another connector (names are compared without regard to case). Choose another name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name: no connector is named '%1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No connector has the id %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::JsonView</name>
    <message>
        <source>the page is not a JSON array</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>malformed JSON at byte %1 of %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::KeyRotation</name>
    <message>
        <source>Both the public and the private key are needed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise did not accept the new keys.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new keys were not saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new API keys are saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The private key could not be saved (%1), and the previous public key could not be put back (%2). The stored keys do not match: run 'cwconnector-cli instance set-keys' again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new keys were not saved, the previous keys are kept: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::KeychainSecretStore</name>
    <message>
        <source>Internal error: a secret needs an instance and a name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API keys are stored in the system keychain.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::KeysPage</name>
    <message>
        <source>API keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Where to find them:&lt;/b&gt; in ConnectWise open System › Members › API Members, choose the API member of this connector, then the API Keys tab, and add a key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;The private key is shown only once&lt;/b&gt;, right after you add the key. Copy it now; if it is lost, delete the key and add a new one. You can paste both keys at once into either field.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Public key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Private key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sho&amp;w keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>P&amp;ublic key:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>P&amp;rivate key:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Both keys were pasted: the public key and the private key fields are filled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking the keys with ConnectWise…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys rejected: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keys could not be checked: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keys work.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::KeysSection</name>
    <message>
        <source>Enter a new key pair of the API member. Apply tests it against ConnectWise first; a pair that does not work is not saved, and the current one stays.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New public key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New p&amp;ublic key:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New private key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New p&amp;rivate key:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New public key: enter the public key of the API member (Manage › My Account › API Keys).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New private key: enter the private key shown once when the pair was created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new keys are being tested; wait for the answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Testing the new keys against ConnectWise…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new keys work and are saved; the old ones are gone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new keys were not saved; the old ones are unchanged. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::LinePush</name>
    <message>
        <source>sync option off: push_update is off for %1; the product item of the deleted line stays</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2 was not pushed (%3): its lines wait for it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>lines incomplete: %1 of %2 lines are not in ConnectWise (see %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>total differs: ConnectWise computes %1 from the lines, the local total is %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (ConnectWise balance %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the ConnectWise total could not be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing linked record: local %1 %2 does not exist</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ListNotEmptyStep</name>
    <message>
        <source>Lookup source: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the list is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise has no %1 yet, so nothing can be mapped to them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In ConnectWise, open System › Setup Tables › %1 and add the values you need.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation><numerusform>%n value</numerusform><numerusform>%n values</numerusform></translation>
    </message>
</context>
<context>
    <name>Cw::LocalDataPage</name>
    <message>
        <source>Local data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import the CSV files of your system, or keep what the database already holds.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::LocalDataPanel</name>
    <message>
        <source>The records of your own system that the connector syncs, one CSV file per kind. Import the files, or keep what the database already holds.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import %1 from a CSV file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Columns: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoices and orders belong to accounts, and the account type and currency lookups list their values: import accounts first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Order and invoice lines refer to products.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payments and invoice lines belong to invoices.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Order lines belong to orders.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User mapping needs users: without them no order gets its own sales rep.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation><numerusform>%n record</numerusform><numerusform>%n records</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n record(s)</source>
        <translation><numerusform>%1: %n record</numerusform><numerusform>%1: %n records</numerusform></translation>
    </message>
    <message>
        <source>None yet. %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::LocalDataSection</name>
    <message>
        <source>The local records (accounts, products, invoices, orders, payments, users) are shared by every connector. Import them with cwconnector-cli import-csv, or write them with SQL (docs/database.md).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Local data</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::LocalRecordStore</name>
    <message>
        <source>Value: enter a value to add to the list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row %1 (id “%2”)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, column %2: the value holds the replacement character � (U+FFFD), the mark of text decoded in the wrong encoding; nothing was written. Correct the value.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value “%1” holds the replacement character � (U+FFFD), the mark of text decoded in the wrong encoding; type the value again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::LookupTables</name>
    <message>
        <source>Account type → company type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Currency → currency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice stage → billing status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice type → invoice type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product type → product type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unit type → product subcategory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Order stage → order status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise returned no active %1. Add them in System › Setup Tables › %2 (or allow that table in the API member's security role under Table Setup), then Refresh.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: "%2" is not a ConnectWise value of this lookup. Fix: use one of %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not LOOKUP:LOCAL=REMOTE (e.g. currency:EUR=7).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown lookup "%1". Use one of: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1": both the local value and the ConnectWise value are needed (LOOKUP:LOCAL=REMOTE).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Country → country</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::LookupsPanel</name>
    <message>
        <source>Lookup table</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Refresh lists</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Local values and their ConnectWise values</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Local value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A local value not in the list yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New local value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A&amp;dd value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Two ConnectWise values fit equally well: pick one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unmapped: records with this value are skipped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise value for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(unmapped)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2) — not available in ConnectWise</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>set by hand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No configuration to save to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lookups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Auto-map all tables (exact name or ISO code matches): %1 mapped, %2 left unmapped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>mapped %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>left unmapped: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>kept %1 already mapped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>• %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No values in use: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick a ConnectWise value for each value left unmapped: records using it are skipped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Auto-map t&amp;his table</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suggest a ConnectWise value for each unmapped value of this table by name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Auto-map a&amp;ll tables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In every table, map each unmapped value to the ConnectWise value with the same name or ISO code; values set by hand are kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Undo auto-map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unmap the values Auto-map all tables mapped (values changed since are kept)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What Auto-map all tables did</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (set to unmapped by hand)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (two ConnectWise values match)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the ConnectWise list is not loaded yet (Refresh lists)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Auto-map undone: %1 unmapped again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>saved</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::MainWindow</name>
    <message>
        <source>cwconnector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connectors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New connector…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set up a connection to a ConnectWise company</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About cwconnector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Connector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No connectors yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A connector links this system to one ConnectWise company. You will need the company ID you log in with, and the public and private keys of an API member.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About cwconnector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;cwconnector %1&lt;/b&gt;&lt;p&gt;Connects this system to ConnectWise Manage (PSA).&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show and change the selected connector's settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the systems check of the selected connector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync &amp;history…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the selected connector's sync runs and what happened to each record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a connector to sync it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finish the setup first: open Settings and save the connector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync the selected connector with ConnectWise now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the selected connector (asks first)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import configuration…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create a connector from an exported configuration file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Export configuration…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the selected connector's settings to a file, without its keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::MembersStep</name>
    <message>
        <source>Members for user mapping</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No member can be mapped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise returned no active member that is not an API member.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the API member's security role: it needs System › Members (Inquire level All).</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n member(s) available for user mapping</source>
        <translation><numerusform>%n member available for user mapping</numerusform><numerusform>%n members available for user mapping</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n API or inactive member(s) left out</source>
        <translation><numerusform>%n API or inactive member left out</numerusform><numerusform>%n API or inactive members left out</numerusform></translation>
    </message>
</context>
<context>
    <name>Cw::MemorySecretStore</name>
    <message>
        <source>Keys are kept in memory (test store).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::Migrator</name>
    <message>
        <source>This database was written by a newer cwconnector (schema version %1; this version knows up to %2). Update cwconnector to use %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No migration leads from schema version %1 to %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updating the database to schema version %1 (%2) failed, and nothing of it was kept: %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::PermissionStep</name>
    <message>
        <source>Permission: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 can be read (%2)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::Region</name>
    <message>
        <source>North America</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Europe</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Australia (au)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Australia (aus)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>South Africa</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Staging (developer)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::RemoteLists</name>
    <message>
        <source>Company › Company Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company › Company Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Procurement › Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Procurement › Subcategory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Procurement › Product Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Procurement › UOM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company › Currency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoicing › Billing Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sales › Order Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System › Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>company statuses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>company types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>product categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>product subcategories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>product types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>units of measure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>currencies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>billing statuses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sales order statuses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company › Country</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>countries</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SavePage</name>
    <message>
        <source>Save the connector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save &gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save puts the keys into the system keychain and the settings into the connector database. The next page runs the systems check.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Retry the keychain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep keys for this session &amp;only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>manual, %1:%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>system settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Name&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Deployment&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Company ID&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;API URL&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Codebase&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Proxy&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Keys&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>discovered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys not saved: %1 Retry once the keychain is unlocked, or keep the keys for this session only (you will be asked for them again next time).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ServerVariables</name>
    <message>
        <source>ConnectWise URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authentication, synchronization</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Manage site URL of the integrating instance.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The company identifier used to log in to ConnectWise (part of the API user name).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All modules</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Client ID is sent with every call; ConnectWise requires it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import account status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default status of every account imported from this system (Setup table "Company Status").</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Used when the Unit type lookup is not set (Setup table "Category", Products).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product subcategory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default product subcategory (Setup table "SubCategory", Products); it must belong to the chosen category.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product unit of measure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default unit of measure for products (Setup table "UOM", Products).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product billable option</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sales representative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The member set as sales representative on orders sent from this system (System › Members).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Credit card method id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bank deposit method id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown server variable "%1". Use one of: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 comes from the connector itself. Change it with: cwconnector-cli instance add/rename, or the connector's settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 needs a value. Fix: --set %1=ID.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 is not an active value in ConnectWise. Fix: pick one of %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(none: add one in %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 "%2" is not one of %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick one of %1 under Server variables › %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 no longer exists in ConnectWise.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 is inactive in ConnectWise.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 is an API member, not a person.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 belongs to another category than the chosen product category %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not set.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice and order lines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Billable option of the invoice and order lines sent to ConnectWise (product items): Billable, DoNotBill or NoCharge.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This system's own id of the credit card payment method (a method of its payments): payments made with it are pushed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This system's own id of the bank deposit payment method (a method of its payments): payments made with it are pushed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the local system has no payment methods yet. Import its payments first (their method column), then pick one with --set %1=METHOD.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: "%2" is not a payment method of the local system. Fix: pick one of %3 (the methods of its payments).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick another value for %1 (%2) in the connector's server variables (Settings › Server variables), or make it active again in ConnectWise under %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set %1 (%2) in the connector's server variables (Settings › Server variables).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ServerVariablesPanel</name>
    <message>
        <source>Defaults for records this connector creates in ConnectWise. Values are picked from ConnectWise's own lists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Used for: %1. %2 Example: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Refresh lists</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pull the ConnectWise lists again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2) — not available in ConnectWise</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lists read from ConnectWise.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No configuration to save to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server variables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — not a payment method of the local system</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::ServerVariablesStep</name>
    <message>
        <source>Server variables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not read the %1 to check the server variables: %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n stored server variable(s) exist and are active in ConnectWise.</source>
        <translation><numerusform>%n stored server variable exist and are active in ConnectWise.</numerusform><numerusform>%n stored server variables exist and are active in ConnectWise.</numerusform></translation>
    </message>
    <message>
        <source>%1 (%2); blocks %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SessionSecretStore</name>
    <message>
        <source>Session-only mode: the API keys are kept in memory for this run only and are not saved. You will be asked for them again next time.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SettingsDialog</name>
    <message>
        <source>Settings — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings sections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The lists from ConnectWise are not available: %1 Enter the keys under Keys.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The section “%1” has changes that are not saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 *</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SettingsPanel</name>
    <message>
        <source>Could not read the %1 from ConnectWise: %2 %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SetupController</name>
    <message>
        <source>CA file: %1 cannot be read; choose the PEM file your administrator gave you.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CA file: %1 holds no PEM certificate (-----BEGIN CERTIFICATE-----); choose the CA's .pem or .crt file.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SetupWizard</name>
    <message>
        <source>New connector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connector settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel setup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connector “%1” is saved as a draft. Keep the draft to finish it later, or discard it (its settings and any stored keys are removed)?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Keep draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Continue setup</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::Site</name>
    <message>
        <source>ConnectWise site</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste the address you log in to ConnectWise with, for example https://na.myconnectwise.net, or your own server's host name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 "%2" contains spaces, so it is not a web address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 starts with "%2://", which ConnectWise does not use.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use an https:// address, for example https://na.myconnectwise.net.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 "%2" is not a valid web address or host name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 contains a user name or password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the part before "@": keys are entered in their own fields, never in the address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 uses plain http://, which would send your API keys unencrypted; ConnectWise only accepts https.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change "http://" to "https://" in %1 (plain http is only allowed for a local simulator on 127.0.0.1 or localhost).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;p&gt;The connector &lt;b&gt;%1&lt;/b&gt; for company &lt;b&gt;%2&lt;/b&gt; is saved.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;p&gt;Its keys are kept for this session only: you will be asked for them again next time.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;p&gt;Open its &lt;b&gt;Settings&lt;/b&gt; in the connector window at any time to change these values or to run the systems check again.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run &amp;Sync now after Finish</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run Sync now after Finish</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncDialog</name>
    <message>
        <source>Sync now — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Result of the sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Records: what would be or was created, updated or skipped, and why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview: a dry run that writes nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync: run the sync and write the changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the running sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save as CS&amp;V…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the records as CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show in &amp;history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show this run in the sync history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the sync window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What to sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All entities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Push and pull</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Push only (local to ConnectWise)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pull only (ConnectWise to local)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Full pull: ignore the last sync mark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pull every record again instead of only those changed since the last sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Push: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pull: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 cannot be pushed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 cannot be pulled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Previewing: nothing is written…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The preview was cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sync was cancelled; what was done is kept: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise could not be reached: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sync stopped: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview (nothing was written): %1 would be created, %2 updated, %3 unchanged, %4 skipped, %5 would fail.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The sync finished; %n record(s) failed.</source>
        <translation><numerusform>The sync finished; %n record failed.</numerusform><numerusform>The sync finished; %n records failed.</numerusform></translation>
    </message>
    <message>
        <source>The sync succeeded: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not started — %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save as CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cwconnector-preview-%1.csv</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cwconnector-sync-%1.csv</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync is running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sync is still running. Cancel it and close? What was done so far is kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the sync and close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep syncing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is being synced by %2. Sync is refused until that sync has finished; Preview works meanwhile.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview works meanwhile; Sync again once that sync has finished.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sync failed: what it was asked to run did not all start (below). What ran: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix in S&amp;ettings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the connector's settings where what kept an entity from starting is fixed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Full pull</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sc&amp;ope:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Changed on both sides: %1 (neither side was written). Select one below to keep ConnectWise's or the local values.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not started — %1 is off for: %2. Turn their options on in %3 if they should sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncEngine</name>
    <message>
        <source>The sync was cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing permission: the API member's security role needs %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no longer exists</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is inactive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing linked record: local %1 %2 was removed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot store the pulled page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot check whether an earlier create went through: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sync option off: push_create is off for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sync option off: push_update is off for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the create may have happened; it is checked again on the next run (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the answer to the create had no id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A pulled page of %1 was not mapped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Another sync took this connector over because this one had stopped renewing its lease, so this one stopped; what was done is kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: local "%2", ConnectWise "%3"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>changed on both sides since the last sync (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot read the ConnectWise record to check for a conflict: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot compare with the ConnectWise record: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>deleted in ConnectWise: local %1 %2 no longer exists</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sync option off: neither %1.%2 nor %1.%3 is on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stale variable: %1 is set to id %2, which %3 in ConnectWise</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncFix</name>
    <message>
        <source>turn one on with: options NAME --set %1.%2=on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Turn on %1 or %2 of %3 in %4.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>pick it with: variables NAME --set %1=ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick %1 in %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings › Connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings › Keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings › Local data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings › User mapping</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings › Server variables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings › Sync options</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings › Lookups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncHistoryDialog</name>
    <message>
        <source>Sync history — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync runs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Records of the selected run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show records by action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show records of an entity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All entities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search ids and reasons</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export the records shown as CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No sync has run for this connector yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 records of this run shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cwconnector-run-%1.csv</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncLease</name>
    <message>
        <source>%1 (process %2) on host %3 since %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is being synced by %2; it was not started again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncLinkStore</name>
    <message>
        <source>%1 %2 has never been synced: there is no conflict to resolve.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncLocalWriter</name>
    <message>
        <source>%1 “%2”, column %3: the value holds the replacement character � (U+FFFD); nothing of this page was written. Correct the value where it was entered.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncMatrix</name>
    <message>
        <source>Account ↔ company</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product ↔ catalog item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice ↔ invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Order ↔ sales order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payment → invoice payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pull create</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pull update</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Push create</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Push update</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not supported: ConnectWise does not allow this for %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creates a local record for each new ConnectWise %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updates local invoices from ConnectWise (status and balance).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updates local orders from ConnectWise (status).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updates linked local records from their ConnectWise %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creates a ConnectWise %1 for each new local record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updates the linked ConnectWise %1 when the local record changes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not ENTITY.OPERATION=on|off (e.g. accounts.push_create=on).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown entity "%1" in "%2". Use one of: %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown operation "%1" in "%2". Use one of: %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1.%2 is not a supported sync option: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1": the value must be on or off.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice line → product item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Order line → product item</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncOptionsPanel</name>
    <message>
        <source>Tick what the connector may do. Empty cells are not supported by ConnectWise.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1
Needs the ConnectWise permission %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The API member's security role needs: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No configuration to save to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync options</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Report them: write neither side</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise wins</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Local wins</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A field changed in ConnectWise and locally since the record's last sync is a conflict. Reported conflicts show both values in the preview and the history, where you keep one side per record.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Conflicts:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncOutcomeModel</name>
    <message>
        <source>(whole entity)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Local id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncProgressPanel</name>
    <message>
        <source>Progress of the entity being synced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counts per entity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Processed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pushing %1: %2 of %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pulling %1: %2 of %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pushing %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pulling %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> — %1 records/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncRunModel</name>
    <message>
        <source>Started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncSettings</name>
    <message>
        <source>must have 1 to 50 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must have 1 to 60 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must have 1 to 15 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must have at most 50 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing linked record: %1 %2 is not in ConnectWise yet; sync %1 first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid field: %1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is empty: ConnectWise needs at least one of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>method %1 is neither the credit-card method nor the bank-deposit method (credit_card_method_id: %2, bank_deposit_method_id: %3); pick them with: variables NAME --set credit_card_method_id=METHOD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing linked record: product %1 is not linked to a ConnectWise catalog item; sync products first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unmapped lookup value: %1 "%2" has no ConnectWise value; map it in the connector's lookups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing variable: server variable %1 is not set; pick it in the connector's server variables</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SyncTexts</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Push</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pull</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Push and pull</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 created, %2 updated, %3 unchanged, %4 skipped, %5 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice lines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Order lines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: local “%2”, ConnectWise “%3”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, %1 in conflict</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::SystemsCheck</name>
    <message>
        <source>company types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company › Company Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>company statuses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company › Company Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>currencies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company › Currency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>billing statuses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoicing › Billing Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>product types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Products › Product Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>product categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Products › Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>product subcategories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Products › Subcategory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>units of measure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Products › UOM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sales order statuses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sales › Order Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not run because “%1” did not pass.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>countries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company › Country</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::TcpStep</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> through the proxy %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected to %1%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 refused the connection: nothing is listening on that port.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the site's port. On premise, make sure the ConnectWise server is running and reachable from this computer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The proxy server %1 did not let the connection through: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the proxy settings of this connection (system, none or manual), or ask your network administrator which proxy to use.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 cannot be reached from this computer: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check this computer's network connection, firewall and proxy settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting to %1 failed: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No answer from %1 within %2 seconds.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A firewall may be dropping the connection. Check this computer's network connection, firewall and proxy settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The proxy server %1 asks for a login (HTTP 407) and did not accept the proxy user and password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the proxy user and password your network administrator gave you in Settings › Connection (Proxy user, Proxy password), then check again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::TextEncodings</name>
    <message>
        <source>UTF-8</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Windows-1252 (Excel on Windows)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ISO-8859-1 (Latin-1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ISO-8859-15 (Latin-9, with €)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>UTF-16 little-endian</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>UTF-16 big-endian</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::TlsStep</name>
    <message>
        <source>Secure connection (TLS)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's certificate is for another host, not %1 (wrong host).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the site: use the exact host name the certificate was issued for. A proxy that inspects HTTPS can also cause this; ask your network administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's certificate has expired (or is not valid yet).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask the server's administrator to renew the certificate, and check this computer's clock.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server uses a self-signed certificate that this computer does not trust.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask for the certificate of the authority that issued it (a PEM file) and add it as this connection's CA file. Certificate errors are never ignored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's certificate is not trusted: its chain does not lead to a trusted authority (an intermediate certificate may be missing).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask the server's administrator to install the full certificate chain, or add the issuing authority's certificate as this connection's CA file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The secure connection failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the site and the connection's CA file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not used: plain HTTP to a loopback address (simulator or local test server)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>certificate %1, issued by %2, valid until %3; %4</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Trusted certificate, but it expires in %n day(s)</source>
        <translation><numerusform>Trusted certificate, but it expires in %n day</numerusform><numerusform>Trusted certificate, but it expires in %n days</numerusform></translation>
    </message>
    <message>
        <source>The server's certificate expires soon.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask the server's administrator to renew the certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trusted certificate (through the proxy %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A proxy is in use for this connection.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing to do if this is intended; a failing proxy shows up here first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trusted certificate for %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check that the site speaks HTTPS on this port, and the connection's proxy settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The secure handshake with %1 did not finish within %2 seconds.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check that the site speaks HTTPS on this port.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::UserMappingPanel</name>
    <message>
        <source>Auto-&amp;match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suggest a member for each unmapped user: e-mail, then name, then identifier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Confirm suggestions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Refresh members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Local users and their ConnectWise members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Local user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(not mapped)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — not available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>several members fit: pick one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unmapped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirmed for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 user(s): %2 unmapped (allowed), %3 suggestion(s) to confirm.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No configuration to save to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User mapping</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::UserMappings</name>
    <message>
        <source>Member %1 no longer exists in ConnectWise: pick another one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member %1 is inactive in ConnectWise: pick another one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member %1 is an API member: pick a person.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member %1 does not exist in ConnectWise. Fix: pick an id from: cwconnector-cli members NAME.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member %1 is inactive. Fix: pick an active member (cwconnector-cli members NAME).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member %1 is an API member. Fix: pick a person (cwconnector-cli members NAME).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::UserMatcher</name>
    <message>
        <source>Same e-mail address (%1 %)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Same name (%1 %)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member identifier matches (%1 %)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n members fit equally well: choose one</source>
        <translation><numerusform>%n members fit equally well: choose one</numerusform><numerusform>%n members fit equally well: choose one</numerusform></translation>
    </message>
    <message>
        <source>No match: choose a member, or leave unmapped</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::WelcomePage</name>
    <message>
        <source>Connect to ConnectWise Manage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This wizard connects this system to one ConnectWise company. Before you start, ask your ConnectWise administrator for:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;ul&gt;&lt;li&gt;an &lt;b&gt;API member&lt;/b&gt; (System › Members › API Members) used only by this connector;&lt;/li&gt;&lt;li&gt;a &lt;b&gt;custom security role&lt;/b&gt; for it, with the entries in the table below;&lt;/li&gt;&lt;li&gt;that member's &lt;b&gt;public and private API keys&lt;/b&gt;.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy (used for every connection this connector makes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use the system proxy settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No proxy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manual proxy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy &amp;host:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy por&amp;t:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Security role entries&lt;/b&gt; (System › Security Roles › your role): Inquire level “All”, Add/Edit “All” where the connector writes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy host: type the proxy's host name only, e.g. proxy.example.com.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy port: use a number from 1 to 65535, e.g. 3128.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>only when the proxy asks for a login</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy &amp;user (optional):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy pass&amp;word:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy user: a password needs a user name. Enter the user, or clear the password.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Cw::WizardSteps</name>
    <message>
        <source>1. Start: prerequisites (API member, security role, keys)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>2. The connector window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>3. Its list of connectors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>4. New connector: a unique name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>5. Deployment: cloud region, on-premise, staging</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>6. Save as draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>7. Company ID, looked up live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>8. Where to find the public key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>9. Paste the public key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>10. The private key is shown once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>11. Paste the private key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>12. Site: region or your own host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>13. Endpoint (API URL), discovered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>14. Save: keychain and database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>15. The connector's overview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>16. Systems check and members</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>export needs a connector NAME.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exported “%1” to %2 (no keys are included).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>history needs exactly one connector NAME.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>connector "%1" has no recent sync run %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>#%1 %2 %3 %4: %5 created, %6 updated, %7 unchanged, %8 skipped, %9 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No sync has run for "%1" yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, %1 conflicts</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>import needs the FILE of an export.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was imported: the target ConnectWise could not be read. %1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was imported: the keys could not be saved. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Imported “%1” as a draft connector.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>  not found in the target ConnectWise: %1 “%2” (used by %3 %4); set it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every ConnectWise reference was found by name.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ImportCsvCommand</name>
    <message>
        <source>import-csv needs an entity and a file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not an entity; use one of: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--encoding “%1” is not an encoding this program reads; use one of: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run it again with --encoding windows-1252 (or the encoding the file was saved in: %1).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InstanceAddCommand</name>
    <message>
        <source>instance add needs exactly one NAME.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CA file: %1 holds no PEM certificate. Give the certificate of the authority that issued your server's certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” was not created: the keys could not be saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created “%1” (draft). Check it with: cwconnector-cli check "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: cwconnector-cli instance set-keys NAME [--keys-from-stdin]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new keys of “%1” work and are saved; the old ones are gone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new keys were not saved; the old ones are unchanged. %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InstanceCommand</name>
    <message>
        <source>On-premise</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise staging</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo (simulated ConnectWise)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ConnectWise Cloud (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name:        %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State:       %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deployment:  %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Site:        %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Company ID:  %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Client ID:   %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Codebase:    %1 (override)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CA file:     %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proxy:       %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last check:  %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(passed)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(failed)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last sync:   %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>instance needs a subcommand.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown instance subcommand '%1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>instance list takes no arguments.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No connectors yet. Create one with: cwconnector-cli instance add NAME ...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>instance show needs a name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>instance rename needs the old and the new name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Renamed “%1” to “%2”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>instance remove needs a name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” was not removed: its keys could not be deleted. %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removed “%1”, its settings, its data and its keys.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Requests:    at most %1 at once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--max-in-flight: “%1” is not a number; use a number from 1 to %2 (1 sends one request at a time).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>instance set needs exactly one NAME.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>instance set needs a setting to change, e.g. --max-in-flight 2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” now sends at most %2 requests to ConnectWise at once.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>KeyInput</name>
    <message>
        <source>no keys: pass --keys-from-stdin, set CW_PUBLIC_KEY and CW_PRIVATE_KEY, or run in a terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The %1 is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The %1 contains spaces. Paste it without spaces.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The %1 contains control characters. Paste only the key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The %1 is %2 characters long, which does not look like a ConnectWise key (they are about 16 characters). Check that you pasted the whole key and only the key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>public key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>private key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--keys-from-stdin: no input. Give the public key on the first line and the private key on the second.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--keys-from-stdin: the private key (second line) is missing. Give the public key on the first line and the private key on the second.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is set but %2 is not: set both, or neither.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In %1/%2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Public key: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Private key: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The private key is missing (input ended).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>KeychainErrors</name>
    <message>
        <source>Access to the keychain was denied. Allow cwconnector to use the keychain (answer "Allow" when asked, or check the keychain's access settings) and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No D-Bus session bus is running, so the keychain cannot be reached. Log in to a desktop session (or start one with dbus-run-session), start gnome-keyring (or KWallet), or use session-only mode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The D-Bus session bus named in DBUS_SESSION_BUS_ADDRESS is not running, so the keychain cannot be reached. Log out and in again (or unset DBUS_SESSION_BUS_ADDRESS and start a session bus), or use session-only mode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No keychain service is running. Install and start gnome-keyring (or KWallet) and log in again, or use session-only mode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keychain has no default ("login") keyring to store keys in. Create one (log in to the desktop once, or use "Passwords and Keys"), or start gnome-keyring-daemon --unlock, then try again; or use session-only mode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keychain library is missing or could not be loaded. Install libsecret-1-0 and gnome-keyring (or KWallet), then try again; or use session-only mode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No keychain is available on this system. Install and start gnome-keyring (or KWallet) and log in again, or use session-only mode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keychain reported an error (%1). Try again; if it keeps happening, restart the keyring service (gnome-keyring or KWallet) or use session-only mode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no details</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LookupsCommand</name>
    <message>
        <source>lookups needs a connector NAME.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>UNMAPPED (records with this value are skipped)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n value(s) unmapped.</source>
        <translation><numerusform>%n value unmapped.</numerusform><numerusform>%n values unmapped.</numerusform></translation>
    </message>
</context>
<context>
    <name>MembersCommand</name>
    <message>
        <source>members needs a connector NAME.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n member(s); %1 API or inactive member(s) left out.</source>
        <translation><numerusform>%n member; %1 API or inactive member left out.</numerusform><numerusform>%n members; %1 API or inactive members left out.</numerusform></translation>
    </message>
</context>
<context>
    <name>OptionsCommand</name>
    <message>
        <source>options needs a connector NAME.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Permissions the systems check probes: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--set %1: the conflict policy is one of %2.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SavedConnector</name>
    <message>
        <source> Save them with: cwconnector-cli instance set-keys "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not read the %1 from ConnectWise: %2 %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SecretResult</name>
    <message>
        <source>No %1 is stored for the connection "%2". Enter the API keys again (in the wizard, or with 'cwconnector-cli instance set-keys').</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keyring is locked. Unlock it (log in to the desktop, or run gnome-keyring-daemon --unlock) and try again.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s). It may be waiting for you to unlock it in a password dialog: unlock the keyring and try again, or use session-only mode.</source>
        <translation><numerusform>The keychain did not answer within %n second. It may be waiting for you to unlock it in a password dialog: unlock the keyring and try again, or use session-only mode.</numerusform><numerusform>The keychain did not answer within %n seconds. It may be waiting for you to unlock it in a password dialog: unlock the keyring and try again, or use session-only mode.</numerusform></translation>
    </message>
    <message>
        <source>The %1 is too long to keep in the keychain (at most %2 bytes). Check that you pasted only the key.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Setup steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>After step 16</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>%1 created, %2 updated, %3 unchanged, %4 skipped, %5 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sync needs exactly one connector NAME.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>give --pull or --push, not both (neither syncs both ways).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown entity "%1"; use %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--csv saves a dry run's preview; add --dry-run.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2: %3 records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: not started: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>push %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>pull %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stopped: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dry run: nothing was written.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2: %3 of %4 records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interrupted: stopping the sync...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed: could not start: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, %1 conflicts</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UsersCommand</name>
    <message>
        <source>users needs a connector NAME.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not LOCAL_ID=MEMBER_ID (e.g. u1=101).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no local user with id "%1". Fix: import it first (cwconnector-cli import-csv users FILE) or use an existing id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unmapped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>suggested by %1, %2 %</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n user(s) unmapped (allowed: their records sync without a member).</source>
        <translation><numerusform>%n user unmapped (allowed: their records sync without a member).</numerusform><numerusform>%n users unmapped (allowed: their records sync without a member).</numerusform></translation>
    </message>
</context>
<context>
    <name>VariablesCommand</name>
    <message>
        <source>variables needs a connector NAME.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not KEY=ID (e.g. import_account_status=1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>  STALE: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix for %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Connect this system to ConnectWise Manage.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit after MS milliseconds (smoke tests).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep the connector database in DIR (default: CWCONNECTOR_DATA_DIR, else the platform's app-data folder).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use this database (postgresql://...) instead of the SQLite file in the data folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start a simulated ConnectWise and offer a Demo deployment, to try every page without a tenant.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cwconnector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connector database cannot be opened: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo: cwconnector-sim was not found next to cwconnector (%1); reinstall cwconnector.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cwconnector — demo</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
