// Small progressive enhancements; every page works without them.
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el.matches("select[data-autosubmit]")) el.form.requestSubmit();
});

// On the sign-up form, show only the registration numbers that fit the chosen account type.
function syncKindFields(form) {
  const kind = form.querySelector("input[name=kind]:checked")?.value;
  const show = { supplier: ["companies_house_number", "vat_number"], buyer: ["uscc"] }[kind] || [];
  for (const name of ["companies_house_number", "vat_number", "uscc"]) {
    const field = form.querySelector(`[data-field=${name}]`);
    if (field) field.hidden = !show.includes(name) && !field.classList.contains("field-invalid");
  }
}
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-kind-form]").forEach((form) => {
    syncKindFields(form);
    form.addEventListener("change", () => syncKindFields(form));
  });
});
