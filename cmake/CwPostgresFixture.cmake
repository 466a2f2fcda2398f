# The "postgres" CTest fixture: a private PostgreSQL server on loopback for the length of a test run.
# postgres_setup runs tests/support/pg-fixture.sh start, which writes the server's URL to CW_PG_URL_FILE;
# postgres_cleanup stops it. A test that needs it is added with cw_add_postgres_variant(), which registers the
# same executable a second time with CW_TEST_DATABASE=postgres: it then runs against that server and FAILS
# (never skips) when the server did not start.
set(CW_PG_FIXTURE_DIR "${PROJECT_BINARY_DIR}/tests/postgres")
set(CW_PG_URL_FILE "${CW_PG_FIXTURE_DIR}/url")
set(CW_PG_FIXTURE_SCRIPT "${PROJECT_SOURCE_DIR}/tests/support/pg-fixture.sh")

add_test(NAME postgres_setup COMMAND bash "${CW_PG_FIXTURE_SCRIPT}" start "${CW_PG_FIXTURE_DIR}")
set_tests_properties(postgres_setup PROPERTIES FIXTURES_SETUP postgres LABELS "core;postgres" TIMEOUT 120)
add_test(NAME postgres_cleanup COMMAND bash "${CW_PG_FIXTURE_SCRIPT}" stop "${CW_PG_FIXTURE_DIR}")
set_tests_properties(postgres_cleanup PROPERTIES FIXTURES_CLEANUP postgres LABELS "core;postgres" TIMEOUT 60)

# cw_add_postgres_variant(<test target> [TIMEOUT <s>]): runs <test target> once more, as <target>_pg, on PostgreSQL.
function(cw_add_postgres_variant target)
    cmake_parse_arguments(P "" "TIMEOUT" "" ${ARGN})
    if(NOT P_TIMEOUT)
        set(P_TIMEOUT 120)
    endif()
    add_test(NAME ${target}_pg COMMAND ${target})
    set_tests_properties(${target}_pg PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8;QT_LOGGING_RULES=cwconnector.*.debug=false;CW_TEST_DATABASE=postgres;CW_PG_URL_FILE=${CW_PG_URL_FILE}"
        FIXTURES_REQUIRED postgres
        TIMEOUT ${P_TIMEOUT}
        LABELS "core;postgres")
endfunction()
