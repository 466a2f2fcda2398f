# cw_add_test(NAME <name> SOURCES <files...> LIBS <targets...> [GUI] [LAPTOP_SCREEN]
#             [ENVIRONMENT <VAR=value...>] [LABELS <labels...>] [TIMEOUT <seconds>])
#
# Builds one Qt Test executable and registers it with CTest. Every test runs with the offscreen
# platform and an English locale; GUI-less tests use QTEST_GUILESS_MAIN in their source.
# LAPTOP_SCREEN: the offscreen platform shows one virtual 1366x768 screen (tests/support/laptop-screen.json)
# scaled to 150 % (QT_SCALE_FACTOR=1.5), the smallest screen a window must fit (tests/ui/WindowChecks.h).
function(cw_add_test)
    cmake_parse_arguments(T "GUI;LAPTOP_SCREEN" "NAME;TIMEOUT" "SOURCES;LIBS;ENVIRONMENT;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test cwtestsupport ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set(platform "offscreen")
    if(T_LAPTOP_SCREEN)
        set(platform "offscreen:configfile=${PROJECT_SOURCE_DIR}/tests/support/laptop-screen.json;QT_SCALE_FACTOR=1.5")
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=${platform};LANG=C.UTF-8;LC_ALL=C.UTF-8;QT_LOGGING_RULES=cwconnector.*.debug=false;${T_ENVIRONMENT}"
        TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}")
endfunction()

# cw_add_test_subdirectories(): add every immediate subfolder that has a CMakeLists.txt, so each
# module's tests live beside each other without one shared list to edit.
function(cw_add_test_subdirectories)
    file(GLOB children LIST_DIRECTORIES true RELATIVE "${CMAKE_CURRENT_SOURCE_DIR}" "${CMAKE_CURRENT_SOURCE_DIR}/*")
    list(SORT children)
    foreach(child IN LISTS children)
        if(IS_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}/${child}" AND EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/${child}/CMakeLists.txt")
            add_subdirectory(${child})
        endif()
    endforeach()
endfunction()
