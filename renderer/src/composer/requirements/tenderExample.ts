// What a tender's requirements look like when pasted: Chinese in both UI languages, since tenders are (the
// recogniser reads Chinese tender text; an English example would promise what it does not do).
export const TENDER_EXAMPLE = '★3.1 接到报修后2小时内响应，4小时内到达现场。\n3.2 质保期不少于3年。';
