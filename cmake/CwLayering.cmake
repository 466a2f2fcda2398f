# cw_forbid_links(TARGET FORBIDDEN...): fail configuration when TARGET links any FORBIDDEN library,
# directly or through its interface. Checked at the end of configuration, once every
# target_link_libraries() call has run.
function(cw_forbid_links target)
    # Deferred arguments are expanded when the call runs, so bake the values in now.
    cmake_language(EVAL CODE
        "cmake_language(DEFER DIRECTORY \"${CMAKE_SOURCE_DIR}\" CALL _cw_check_forbidden_links ${target} ${ARGN})")
endfunction()

function(_cw_check_forbidden_links target)
    set(forbidden ${ARGN})
    get_target_property(links ${target} LINK_LIBRARIES)
    get_target_property(ilinks ${target} INTERFACE_LINK_LIBRARIES)
    foreach(lib IN LISTS links ilinks)
        string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
        if(lib IN_LIST forbidden)
            message(FATAL_ERROR "${target} must never link ${lib}: core/ is GUI-free. Move the code to ui/.")
        endif()
    endforeach()
endfunction()
