// demo.html moved to workbench.html (the analyst's workbench, issue 11):
// go there at once, with the same ?lang= and fragment.
location.replace(`/workbench.html${location.search}${location.hash}`);
