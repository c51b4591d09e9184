/* Pagefind for the header search box (zoeken.js), minus its filters.
   The box shows no filters: they live on /menukaart/, and here they would put eight stops
   between the box and its results. Yet Pagefind UI asks for them as soon as it starts. That loads
   every filter chunk of the index, and from then on each search also counts every filter
   value over all its hits. At 5,000 practices that was 117 kB more to load and about half
   a second more per search for a common word (make bench). Pagefind UI has no option to
   skip it, so it loads this module instead of pagefind.js: Pagefind's own module with one
   answer changed. The filters stay in the index for other uses (see CONTRACT.md); the
   module still finds its index through its own address, ../../../pagefind/. */
export * from "../../../pagefind/pagefind.js";

export async function filters() {
  return {};
}
